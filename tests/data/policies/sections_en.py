"""English section texts of the policy dev set: (heading, body, other disclosures the body also makes)."""

# (heading, body, also-satisfied disclosures)
EN = {
"controller-identity": [
 ("Who we are", "Brightloop Analytics GmbH, Schönhauser Allee 10, 10119 Berlin, Germany, operates the Brightloop app and decides how your personal data is used.", []),
 ("About this policy", "This policy explains how Nimbus Notes Inc., a Delaware corporation with its principal office at 500 Market Street, San Francisco, handles personal information when you use our website and apps.", []),
],
"contact": [
 ("Contact", "Questions about this policy? Write to our privacy team at privacy@brightloop.example or by post to the address above.", []),
 ("How to reach us", "You can reach our Data Protection Officer at dpo@nimbusnotes.example.", []),
],
"purposes": [
 ("How we use your information", "We use the information we collect to create and secure your account, to process payments, to send service announcements, and to improve our features.", []),
 ("Why we process your data", "Your data is processed for the following purposes: providing the note-sync service, preventing fraud, and answering support requests.", []),
],
"data-categories": [
 ("Information we collect", "When you sign up we collect your name, email address and password. While you use the app we collect device information, IP address and crash logs.", []),
 ("Personal information we process", "The categories of personal information we process are: identifiers (such as your email address and phone number), commercial information (purchase history), and internet activity (pages viewed).", []),
],
"legal-basis": [
 ("Legal bases", "We rely on the following legal bases: performance of a contract when we provide the service, our legitimate interests in keeping the service secure, and your consent for marketing emails.", []),
 ("Why we are allowed to use your data", "Processing of account data is necessary to perform our contract with you (Art. 6(1)(b) GDPR); analytics is based on your consent, which you can give or refuse in the cookie banner.", []),
],
"retention": [
 ("How long we keep your data", "We keep account data for as long as your account is open and delete it within 30 days after you close it. Invoices are retained for 10 years because tax law requires it.", []),
 ("Data retention", "Support tickets are deleted 24 months after they are closed; server logs are kept for 14 days.", []),
],
"third-party-sharing": [
 ("Who we share data with", "We share personal data with service providers that help us run the service: Stripe processes payments, SendGrid delivers our emails and Amazon Web Services hosts our servers. They may only use your data to provide these services to us.", []),
 ("Recipients", "We disclose your information to the following categories of recipients: payment processors (PayPal), analytics providers (Mixpanel) and customer support vendors (Zendesk).", []),
],
"cross-border-transfer": [
 ("International transfers", "Our hosting provider, Amazon Web Services EMEA SARL (aws-EU-privacy@amazon.example), stores some data in the United States. These transfers are covered by the European Commission's standard contractual clauses; you can ask us for a copy.", []),
 ("Transfers outside the EEA", "When data is transferred outside the EEA to our processor Mixpanel Inc. (compliance@mixpanel.example) in the United States, we rely on the EU-U.S. Data Privacy Framework adequacy decision.", []),
],
"user-rights": [
 ("Your rights", "You have the right to access, correct and delete your personal data, to object to processing and to data portability. To exercise these rights, email privacy@brightloop.example or use Settings > Privacy in the app.", ["rights-procedure", "contact"]),
 ("Your choices and rights", "You may request access to or deletion of your information, and you may withdraw your consent at any time. Submit a request through our web form at nimbusnotes.example/privacy-request.", ["rights-procedure"]),
],
"rights-procedure": [
 ("How requests are handled", "We will verify your identity before acting on a request and respond within 30 days. You may also use an authorized agent.", []),
 ("Making a request", "You can make a request by calling our toll-free number 1-800-555-0199 or through the request form. We will confirm receipt within 10 business days.", []),
],
"complaint": [
 ("Complaints", "If you are unhappy with how we handle your data, you have the right to lodge a complaint with your local supervisory authority, for example the Berlin Commissioner for Data Protection.", []),
 ("Complaints", "You can also complain to the data protection authority in the country where you live.", []),
],
"sensitive-data": [
 ("Sensitive information", "We process health data you enter in the symptom diary only with your explicit consent, and only to show you your own trends.", []),
 ("Sensitive personal information", "We collect precise geolocation only when you enable location-based reminders, with your consent; we do not use it to infer characteristics about you.", []),
],
"children": [
 ("Children", "Our services are not directed to children under 16, and we do not knowingly collect their personal data. If you believe a child has given us data, contact us and we will delete it.", []),
 ("Children's privacy", "Users under the age of 13 may only use the app with the consent of a parent or guardian.", []),
],
"security-measures": [
 ("Security", "We protect your data with encryption in transit (TLS) and at rest, two-factor authentication for staff, and regular penetration tests.", []),
 ("How we protect your data", "Access to personal data is limited to employees who need it, and all databases are encrypted.", []),
],
"policy-changes": [
 ("Changes to this policy", "We may update this policy from time to time. If we make material changes we will notify you by email or in the app before they take effect.", []),
 ("Updates", "When we change this policy we post the new version here and, for significant changes, tell you in advance.", []),
],
"automated-decisions": [
 ("Automated decision-making", "We use automated decision-making to flag suspicious sign-ins; you can ask for a human to review any decision that affects you.", []),
 ("Recommendations", "We build a profile of your interests from the articles you read in order to show personalized recommendations. You can switch this off in Settings.", []),
],
"cookies-tracking": [
 ("Cookies", "We use cookies and similar technologies to keep you signed in and to measure traffic. You can manage cookies in our cookie banner.", []),
 ("Tracking technologies", "Our emails contain web beacons that tell us whether a message was opened.", []),
],
"sale-opt-out": [
 ("Sale and sharing of personal information", "We do not sell your personal information and do not share it for cross-context behavioral advertising.", []),
 ("Do Not Sell or Share My Personal Information", "You can opt out of the sale or sharing of your personal information by clicking the \"Do Not Sell or Share\" link in our footer; we also honor Global Privacy Control signals.", []),
],
"effective-date": [
 ("", "Last updated: March 4, 2024", []),
 ("", "Effective date: 1 January 2024", []),
],
}
EN_PARTIAL = {
"retention": [("Retention", "We retain personal data in line with our internal retention policy and delete it when appropriate.", [])],
"third-party-sharing": [("Sharing", "We may share your information with certain third parties to operate our business.", [])],
"cross-border-transfer": [("International transfers", "Your information may be transferred to and processed in countries outside your country of residence.", [])],
"user-rights": [("Your rights", "Depending on where you live, you may have the right to access, correct or delete your personal data and to object to certain processing.", [])],
}
FILLER_EN = [
 "This website may link to other sites. We are not responsible for the content of those sites.",
 "Please read this policy carefully before using our services.",
 "By using the service you agree to our Terms of Service.",
]
