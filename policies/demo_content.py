"""Demo policy content for Northwind Labs, the fictional company in the Chorus demo.

Plain literal data only: two versions of the social media policy (the second adds a rule on AI
tools and tightens the rule on naming customers) and a short, non-acknowledged brand guide.
"""

POLICY = {
    "title": "Social media policy",
    "slug": "policy",
    "versions": [
        {
            "effective_date": "2026-03-01",
            "what_changed": "",
            "sections": [
                {
                    "heading": "Purpose and scope",
                    "body": (
                        "<p>This policy explains how to use social media when it touches your work "
                        "at Northwind Labs, including when you take part in Chorus, our voluntary "
                        "employee-sharing program. It exists so that everyone knows where the "
                        "lines are, and it is written to protect you as much as the "
                        "company.</p><p>It applies to all employees, contractors and interns, on "
                        "any public platform: LinkedIn, X, Bluesky, Threads, Facebook, Instagram, "
                        "XING, as well as forums, blogs, podcasts and comment sections. It does "
                        "not govern your private life. It applies when you talk about Northwind, "
                        "our products, customers, partners or colleagues, or when you present "
                        "yourself as a Northwind employee.</p><p>This policy sits alongside our "
                        "Code of Conduct and our Information Security Policy. Nothing in it limits "
                        "your legal rights, including the right to discuss your pay and working "
                        "conditions or to raise concerns with a regulator.</p>"
                    ),
                },
                {
                    "heading": "Taking part is voluntary",
                    "body": (
                        "<p>Sharing Northwind content on your personal accounts is always your "
                        "choice. It is not part of any job description, it is never considered in "
                        "performance reviews, pay or promotion decisions, and there is no penalty "
                        "for not taking part.</p><p>Nobody may pressure a colleague to share, "
                        "including by chasing people individually, publishing rankings of who has "
                        "or hasn't shared, or making remarks about people who don't take part. "
                        "Managers may mention once that a new post is available and must leave the "
                        "decision to each person.</p><p>Chorus does not show managers who has "
                        "chosen not to share. If you feel pressured, talk to the People team.</p>"
                    ),
                },
                {
                    "heading": "Your personal accounts stay yours",
                    "body": (
                        "<p>Your social media accounts, followers and contacts belong to you. "
                        "Northwind will never ask for your passwords, ask you to connect with or "
                        "follow your manager, or ask to see private parts of your "
                        "accounts.</p><p>Chorus records which posts you chose to share through "
                        "Chorus and when, so we can see which content is useful. It does not read "
                        "your feeds, messages or other activity.</p><p>If you leave Northwind, "
                        "your accounts and your network leave with you. We only ask that you "
                        "update your profile so it no longer says you work here.</p>"
                    ),
                },
                {
                    "heading": "Disclose your connection to Northwind",
                    "body": (
                        "<p>Whenever you share Northwind content or talk about our products or "
                        "services, make it clear that you work here. Your followers deserve to "
                        "know, and in many countries consumer protection and advertising rules "
                        "require it.</p><ul><li>Chorus adds <strong>#employee</strong> to every "
                        "share it prepares. Do not remove it.</li><li>When you post about "
                        "Northwind outside Chorus, add #employee yourself or state plainly that "
                        "you work at Northwind.</li><li>Never post anonymous or disguised reviews "
                        "of Northwind's products or of a competitor's.</li></ul><p>Listing "
                        "Northwind as your current employer on your profile is encouraged, but it "
                        "does not replace disclosure in the post itself.</p>"
                    ),
                },
                {
                    "heading": "What you may share",
                    "body": (
                        "<p>You may share content that Northwind has already published, such as "
                        "pages on northwind.example and posts from official Northwind accounts, "
                        "and any post in the Chorus library. Adding your own comments and "
                        "experiences is encouraged.</p><p>When you add to a post, keep the facts "
                        "accurate. Don't add figures, dates, prices, customer names or promises "
                        "that aren't in the published content. Personal observations about your "
                        "working life are welcome, as long as they respect the rest of this "
                        "policy.</p><p>If you're not sure whether something is public yet, treat "
                        "it as confidential and ask the social team first.</p>"
                    ),
                },
                {
                    "heading": "Confidential and non-public information",
                    "body": (
                        "<p>Never share information that Northwind has not made public. This "
                        "includes, but is not limited to:</p><ul><li>unreleased products, "
                        "features, roadmaps and launch dates;</li><li>financial information, "
                        "including revenue, pipeline, deal sizes, pricing negotiations and "
                        "forecasts;</li><li>security incidents, vulnerabilities, audit findings "
                        "and details of how our systems are protected;</li><li>internal documents, "
                        "dashboards, chat messages, recordings and screenshots of any of "
                        "them;</li><li>anything shared with Northwind under a confidentiality "
                        "agreement.</li></ul><p>Check photos and videos before posting: "
                        "whiteboards, screens, documents and badges in the background count as "
                        "disclosure too. Keep internal discussions in approved internal tools, not "
                        "in public threads, open groups or personal group chats.</p>"
                    ),
                },
                {
                    "heading": "Respect, harassment and speaking for Northwind",
                    "body": (
                        "<p>Treat everyone with courtesy, including competitors, critics and "
                        "people you disagree with. Harassment, discrimination, threats and "
                        "personal attacks are never acceptable, online or offline, and are handled "
                        "under our Code of Conduct.</p><p>Your opinions are your own. Unless you "
                        "are an authorized spokesperson, do not present your views as Northwind's "
                        "position, make commitments on Northwind's behalf, or comment on pricing, "
                        "legal matters, security or company performance. Adding a note such as "
                        "<em>views are my own</em> to your profile is fine, but it does not change "
                        "your obligations under this policy.</p><p>Send questions from "
                        "journalists, analysts and investors to press@northwind.example. Point "
                        "customers with problems to Customer Success. If you are harassed because "
                        "of your work or because you shared Northwind content, keep the evidence "
                        "and tell the People team; we will support you.</p>"
                    ),
                },
                {
                    "heading": "Customers, partners and colleagues",
                    "body": (
                        "<p>Respect the privacy of the people we work with. Never share customer "
                        "data, support conversations, contract details or screenshots that show "
                        "customer information.</p><p>Before naming a customer or partner in a "
                        "post, check with their account team or with Marketing that the "
                        "relationship can be mentioned publicly.</p><p>Ask colleagues before "
                        "posting photos of them or tagging them, and respect their answer. Some "
                        "people prefer not to appear online for reasons they don't need to "
                        "explain. Never share a colleague's personal information, such as health, "
                        "family circumstances or contact details.</p>"
                    ),
                },
                {
                    "heading": "When something goes wrong",
                    "body": (
                        "<p>Mistakes happen. If you post something you shouldn't have, or spot an "
                        "error in something you shared:</p><ol><li>Delete or correct the post as "
                        "soon as you can.</li><li>Tell the social team the same day, in "
                        "#ask-social or at social@northwind.example.</li><li>If confidential "
                        "information or security details may have been exposed, also contact "
                        "security@northwind.example immediately.</li><li>Don't get drawn into "
                        "public arguments about it. The social team will help with a response if "
                        "one is needed.</li></ol><p>Honest mistakes that are reported promptly are "
                        "treated as learning opportunities, not disciplinary matters. Deliberate "
                        "or repeated breaches of this policy may be handled under our disciplinary "
                        "procedure.</p>"
                    ),
                },
                {
                    "heading": "Questions and contacts",
                    "body": (
                        "<p>If you're unsure about anything in this policy, ask before you post. "
                        "There are no silly questions.</p><ul><li><strong>Social team:</strong> "
                        "#ask-social on Slack or social@northwind.example, for questions about "
                        "posts, Chorus and this policy.</li><li><strong>Press team:</strong> "
                        "press@northwind.example, for media, analyst and investor "
                        "inquiries.</li><li><strong>Security team:</strong> "
                        "security@northwind.example, for anything involving confidential "
                        "information or security.</li><li><strong>People team:</strong> "
                        "people@northwind.example, for concerns about pressure, harassment or your "
                        "wellbeing.</li></ul><p>We review this policy at least once a year. When "
                        "it changes materially, we summarize what changed and ask everyone to "
                        "acknowledge the new version in Chorus.</p>"
                    ),
                },
            ],
        },
        {
            "effective_date": "2026-10-15",
            "what_changed": (
                "Two material changes. A new section on AI tools and AI-generated content: you "
                "remain responsible for anything an AI tool helped you write, confidential "
                "information must never go into unapproved AI tools, and realistic AI images of "
                "real people need their consent. And a stricter rule on naming customers and "
                "partners: you may now name them only once Northwind has published the "
                "relationship, and approval from an account team is no longer enough."
            ),
            "sections": [
                {
                    "heading": "Purpose and scope",
                    "body": (
                        "<p>This policy explains how to use social media when it touches your work "
                        "at Northwind Labs, including when you take part in Chorus, our voluntary "
                        "employee-sharing program. It exists so that everyone knows where the "
                        "lines are, and it is written to protect you as much as the "
                        "company.</p><p>It applies to all employees, contractors and interns, on "
                        "any public platform: LinkedIn, X, Bluesky, Threads, Facebook, Instagram, "
                        "XING, as well as forums, blogs, podcasts and comment sections. It does "
                        "not govern your private life. It applies when you talk about Northwind, "
                        "our products, customers, partners or colleagues, or when you present "
                        "yourself as a Northwind employee.</p><p>This policy sits alongside our "
                        "Code of Conduct and our Information Security Policy. Nothing in it limits "
                        "your legal rights, including the right to discuss your pay and working "
                        "conditions or to raise concerns with a regulator.</p>"
                    ),
                },
                {
                    "heading": "Taking part is voluntary",
                    "body": (
                        "<p>Sharing Northwind content on your personal accounts is always your "
                        "choice. It is not part of any job description, it is never considered in "
                        "performance reviews, pay or promotion decisions, and there is no penalty "
                        "for not taking part.</p><p>Nobody may pressure a colleague to share, "
                        "including by chasing people individually, publishing rankings of who has "
                        "or hasn't shared, or making remarks about people who don't take part. "
                        "Managers may mention once that a new post is available and must leave the "
                        "decision to each person.</p><p>Chorus does not show managers who has "
                        "chosen not to share. If you feel pressured, talk to the People team.</p>"
                    ),
                },
                {
                    "heading": "Your personal accounts stay yours",
                    "body": (
                        "<p>Your social media accounts, followers and contacts belong to you. "
                        "Northwind will never ask for your passwords, ask you to connect with or "
                        "follow your manager, or ask to see private parts of your "
                        "accounts.</p><p>Chorus records which posts you chose to share through "
                        "Chorus and when, so we can see which content is useful. It does not read "
                        "your feeds, messages or other activity.</p><p>If you leave Northwind, "
                        "your accounts and your network leave with you. We only ask that you "
                        "update your profile so it no longer says you work here.</p>"
                    ),
                },
                {
                    "heading": "Disclose your connection to Northwind",
                    "body": (
                        "<p>Whenever you share Northwind content or talk about our products or "
                        "services, make it clear that you work here. Your followers deserve to "
                        "know, and in many countries consumer protection and advertising rules "
                        "require it.</p><ul><li>Chorus adds <strong>#employee</strong> to every "
                        "share it prepares. Do not remove it.</li><li>When you post about "
                        "Northwind outside Chorus, add #employee yourself or state plainly that "
                        "you work at Northwind.</li><li>Never post anonymous or disguised reviews "
                        "of Northwind's products or of a competitor's.</li></ul><p>Listing "
                        "Northwind as your current employer on your profile is encouraged, but it "
                        "does not replace disclosure in the post itself.</p>"
                    ),
                },
                {
                    "heading": "What you may share",
                    "body": (
                        "<p>You may share content that Northwind has already published, such as "
                        "pages on northwind.example and posts from official Northwind accounts, "
                        "and any post in the Chorus library. Adding your own comments and "
                        "experiences is encouraged.</p><p>When you add to a post, keep the facts "
                        "accurate. Don't add figures, dates, prices, customer names or promises "
                        "that aren't in the published content. Personal observations about your "
                        "working life are welcome, as long as they respect the rest of this "
                        "policy.</p><p>If you're not sure whether something is public yet, treat "
                        "it as confidential and ask the social team first.</p>"
                    ),
                },
                {
                    "heading": "Confidential and non-public information",
                    "body": (
                        "<p>Never share information that Northwind has not made public. This "
                        "includes, but is not limited to:</p><ul><li>unreleased products, "
                        "features, roadmaps and launch dates;</li><li>financial information, "
                        "including revenue, pipeline, deal sizes, pricing negotiations and "
                        "forecasts;</li><li>security incidents, vulnerabilities, audit findings "
                        "and details of how our systems are protected;</li><li>internal documents, "
                        "dashboards, chat messages, recordings and screenshots of any of "
                        "them;</li><li>anything shared with Northwind under a confidentiality "
                        "agreement.</li></ul><p>Check photos and videos before posting: "
                        "whiteboards, screens, documents and badges in the background count as "
                        "disclosure too. Keep internal discussions in approved internal tools, not "
                        "in public threads, open groups or personal group chats.</p>"
                    ),
                },
                {
                    "heading": "Respect, harassment and speaking for Northwind",
                    "body": (
                        "<p>Treat everyone with courtesy, including competitors, critics and "
                        "people you disagree with. Harassment, discrimination, threats and "
                        "personal attacks are never acceptable, online or offline, and are handled "
                        "under our Code of Conduct.</p><p>Your opinions are your own. Unless you "
                        "are an authorized spokesperson, do not present your views as Northwind's "
                        "position, make commitments on Northwind's behalf, or comment on pricing, "
                        "legal matters, security or company performance. Adding a note such as "
                        "<em>views are my own</em> to your profile is fine, but it does not change "
                        "your obligations under this policy.</p><p>Send questions from "
                        "journalists, analysts and investors to press@northwind.example. Point "
                        "customers with problems to Customer Success. If you are harassed because "
                        "of your work or because you shared Northwind content, keep the evidence "
                        "and tell the People team; we will support you.</p>"
                    ),
                },
                {
                    "heading": "Customers, partners and colleagues",
                    "body": (
                        "<p>Respect the privacy of the people we work with. Never share customer "
                        "data, support conversations, contract details or screenshots that show "
                        "customer information.</p><p><strong>Name a customer or partner only if "
                        "Northwind has already published the relationship</strong>, for example in "
                        "a case study, a press release or on the customers page of "
                        "northwind.example. Approval from an account team, or from a contact at "
                        "the customer, is no longer enough on its own. The list of customers who "
                        "may be named publicly is kept in Chorus; if a name isn't on it, leave it "
                        "out.</p><p>Don't post photos or videos from customer sites or customer "
                        "events that show their people, screens or badges without written approval "
                        "from Marketing.</p><p>Ask colleagues before posting photos of them or "
                        "tagging them, and respect their answer. Some people prefer not to appear "
                        "online for reasons they don't need to explain. Never share a colleague's "
                        "personal information, such as health, family circumstances or contact "
                        "details.</p>"
                    ),
                },
                {
                    "heading": "AI tools and AI-generated content",
                    "body": (
                        "<p>You may use AI writing tools to help draft or polish a caption, but "
                        "you are responsible for every word you post. Check any AI-assisted text "
                        "against the published source and make sure it is accurate and still "
                        "sounds like you.</p><ul><li>Never paste confidential or non-public "
                        "information, customer data or unpublished drafts into an AI tool that "
                        "Northwind has not approved. The list of approved tools is on the IT page "
                        "of the intranet.</li><li>Don't post realistic AI-generated or AI-edited "
                        "images, video or audio of real colleagues, customers or partners, or "
                        "content that imitates their voice, without their consent.</li><li>If an "
                        "image or video in your post was mainly generated by AI, say so, and use "
                        "the platform's AI label where one exists.</li><li>Never use AI tools to "
                        "create fake reviews, comments, accounts or engagement.</li></ul><p>If "
                        "you're unsure whether a tool or a piece of AI-generated content is okay "
                        "to use, ask the social team before you post.</p>"
                    ),
                },
                {
                    "heading": "When something goes wrong",
                    "body": (
                        "<p>Mistakes happen. If you post something you shouldn't have, or spot an "
                        "error in something you shared:</p><ol><li>Delete or correct the post as "
                        "soon as you can.</li><li>Tell the social team the same day, in "
                        "#ask-social or at social@northwind.example.</li><li>If confidential "
                        "information or security details may have been exposed, also contact "
                        "security@northwind.example immediately.</li><li>Don't get drawn into "
                        "public arguments about it. The social team will help with a response if "
                        "one is needed.</li></ol><p>Honest mistakes that are reported promptly are "
                        "treated as learning opportunities, not disciplinary matters. Deliberate "
                        "or repeated breaches of this policy may be handled under our disciplinary "
                        "procedure.</p>"
                    ),
                },
                {
                    "heading": "Questions and contacts",
                    "body": (
                        "<p>If you're unsure about anything in this policy, ask before you post. "
                        "There are no silly questions.</p><ul><li><strong>Social team:</strong> "
                        "#ask-social on Slack or social@northwind.example, for questions about "
                        "posts, Chorus and this policy.</li><li><strong>Press team:</strong> "
                        "press@northwind.example, for media, analyst and investor "
                        "inquiries.</li><li><strong>Security team:</strong> "
                        "security@northwind.example, for anything involving confidential "
                        "information or security.</li><li><strong>People team:</strong> "
                        "people@northwind.example, for concerns about pressure, harassment or your "
                        "wellbeing.</li></ul><p>We review this policy at least once a year. When "
                        "it changes materially, we summarize what changed and ask everyone to "
                        "acknowledge the new version in Chorus.</p>"
                    ),
                },
            ],
        },
    ],
}

BRAND_GUIDELINES = {
    "title": "Brand guidelines",
    "slug": "brand-guidelines",
    "acknowledgement_required": False,
    "sections": [
        {
            "heading": "Our name and products",
            "body": (
                "<p>Write <strong>Northwind Labs</strong> the first time you mention us, and "
                "<strong>Northwind</strong> after that. Please avoid abbreviations such as NW or "
                "NWL, and don't add a space or hyphen inside the name.</p><p>Our product is "
                "<strong>Relay</strong>, with a capital R. Its AI drafting feature is "
                "<strong>Relay Assist</strong>, and releases are written with a number, as in "
                "<strong>Relay 5</strong>.</p>"
            ),
        },
        {
            "heading": "Voice and tone",
            "body": (
                "<p>We sound like a helpful colleague, not a billboard: plain, warm and specific. "
                "Prefer concrete outcomes over adjectives. <em>Cut month-end close from nine days "
                "to four</em> beats <em>revolutionary, best-in-class automation</em>.</p><p>On "
                "your own accounts, your own voice always wins. These notes are for when you want "
                "a hint, not a rulebook.</p>"
            ),
        },
        {
            "heading": "Logos, images and hashtags",
            "body": (
                "<p>Use logos and product images from the press kit at northwind.example/press, "
                "and don't stretch, recolor or redraw them. Photos you take yourself are welcome, "
                "as long as everyone in them is happy to appear and nothing confidential is "
                "visible.</p><p>Keep hashtags to two or three relevant ones. Our event hashtag is "
                "#NorthwindSummit, and Chorus adds #employee to every share for you.</p>"
            ),
        },
    ],
}
