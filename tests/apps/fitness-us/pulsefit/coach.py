"""AI coach: weekly tips generated from the member's workouts."""

from openai import OpenAI

from pulsefit import config

client = OpenAI(api_key=config.OPENAI_API_KEY)


def weekly_tip(member, workouts) -> str:
    summary = "; ".join(f"{w.kind} {w.duration_minutes} min, avg HR {w.avg_heart_rate}" for w in workouts)
    prompt = (f"Write a short, encouraging weekly tip for {member.first_name}, whose goal is "
              f"{member.weekly_goal_minutes} active minutes. This week: {summary}.")
    # ruleid: pii-to-llm
    # ok: undisclosed-recipient, contradicted-sharing-claim, pii-cross-border
    completion = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    return completion.choices[0].message.content
