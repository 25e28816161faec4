import anthropic
import cohere
import dashscope
import google.generativeai as genai_legacy
import ollama
import openai
import qianfan
from google import genai
from mistralai import Mistral
from openai import AsyncOpenAI, OpenAI
from zhipuai import ZhipuAI

client = OpenAI()


def summarise_ticket(ticket, customer):
    prompt = f"Summarise the complaint from {customer.full_name} ({customer.email}): {ticket.body}"
    # ruleid: pii-to-llm
    client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    # ok: pii-to-llm
    client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": ticket.body}])
    # ruleid: pii-to-llm
    client.embeddings.create(model="text-embedding-3-small", input=[customer.home_address])
    # ok: pii-to-llm
    client.models.retrieve("gpt-4o-mini")


async def async_reply(member):
    aclient = AsyncOpenAI()
    # ruleid: pii-to-llm
    await aclient.responses.create(model="gpt-4.1", input=f"Write a birthday note for {member.birthday}")


def legacy(user):
    # ruleid: pii-to-llm
    openai.ChatCompletion.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": user.phone}])


def deepseek(user):
    # DeepSeek through the OpenAI SDK: found, but reported as OpenAI until the engine reads base_url.
    ds = OpenAI(base_url="https://api.deepseek.com", api_key="key")
    # ruleid: pii-to-llm
    ds.chat.completions.create(model="deepseek-chat", messages=[{"role": "user", "content": user.id_card_no}])


def other_providers(patient, note):
    claude = anthropic.Anthropic()
    # ruleid: pii-to-llm
    claude.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": patient.diagnosis}])
    # ok: pii-to-llm
    claude.messages.create(model="claude-sonnet-4-5", max_tokens=512, messages=[{"role": "user", "content": "ping"}])
    gemini = genai.Client()
    # ruleid: pii-to-llm
    gemini.models.generate_content(model="gemini-2.0-flash", contents=f"Triage: {patient.medical_history}")
    model = genai_legacy.GenerativeModel("gemini-1.5-flash")
    # ruleid: pii-to-llm
    model.generate_content(["Translate", patient.home_address])
    chat = model.start_chat()
    # ruleid: pii-to-llm
    chat.send_message(f"The patient's phone is {patient.phone}")
    co = cohere.Client("key")
    # ruleid: pii-to-llm
    co.embed(texts=[patient.email], model="embed-english-v3.0")
    mistral = Mistral(api_key="key")
    # ruleid: pii-to-llm
    mistral.chat.complete(model="mistral-small-latest", messages=[{"role": "user", "content": patient.full_name}])
    # ok: pii-to-llm
    ollama.chat(model="llama3", messages=[{"role": "user", "content": patient.full_name}])
    # ok: pii-to-llm
    note.messages.create(text=patient.full_name)


def chinese_providers(user):
    zhipu = ZhipuAI(api_key="key")
    # ruleid: pii-to-llm
    zhipu.chat.completions.create(model="glm-4", messages=[{"role": "user", "content": f"用户手机号 {user.shouji}"}])
    # ruleid: pii-to-llm
    dashscope.Generation.call(model="qwen-turbo", prompt="地址：" + user.address)
    # ok: pii-to-llm
    dashscope.Generation.call(model="qwen-turbo", prompt="你好")
    # ruleid: pii-to-llm
    qianfan.ChatCompletion().do(model="ERNIE-4.0-8K", messages=[{"role": "user", "content": user.id_number}])
