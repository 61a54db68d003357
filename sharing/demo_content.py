"""Demo sharing content for Northwind Labs, the fictional company in the Chorus demo.

Plain literal data only: campaigns, the library of pre-approved posts with suggested
captions per network, and a few suggestions from employees. Captions are written in the first
person and leave out the link and the #employee disclosure, which the app appends on sharing.
"""

CAMPAIGNS = [
    {"name": "Spring launch 2026", "slug": "spring-launch"},
    {"name": "Northwind Summit 2026", "slug": "summit-2026"},
]

POSTS = [
    {
        "title": "Relay 5 is here",
        "slug": "relay-5-launch",
        "summary": (
            "Relay 5 brings plain-language workflow drafting with Relay Assist, a new visual "
            "scheduler and 40 new connectors to Northwind's automation platform."
        ),
        "target_url": "https://northwind.example/news/relay-5-launch",
        "topics": ["Product"],
        "departments": [],
        "campaign": "spring-launch",
        "priority": True,
        "schedule": "live",
        "internal_note": (
            "Please stick to the features listed on the launch page. Pricing for Relay Assist "
            "isn't public yet; if anyone asks, point them to the launch page or to "
            "sales@northwind.example."
        ),
        "captions": {
            "linkedin": [
                (
                    "Relay 5 is out today, and it's the release I've been most excited about since "
                    "joining Northwind.\n"
                    "\n"
                    "You can now describe a workflow in plain language and get a working draft in "
                    "seconds, plan runs on a new visual scheduler, and connect 40 more tools. If "
                    "your team still glues systems together with spreadsheets, have a look."
                ),
                (
                    "Big day for us: Relay 5 just launched. The part I like best is the new visual "
                    "scheduler, because it finally shows a whole week of automated work in one "
                    "place. I'd love to hear what operations folks think of it."
                ),
                (
                    "A lot of talented people put months of work into this one. Relay 5 is live, "
                    "with plain-language workflow drafting, a visual scheduler and 40 new "
                    "connectors. Proud to be part of the team that built it."
                ),
            ],
            "x": [
                (
                    "Relay 5 is live! Describe a workflow in plain words, get a working draft, "
                    "then plan it on the new visual scheduler. Proud of this one."
                ),
                (
                    "We just shipped Relay 5: plain-language workflow drafting, a visual scheduler "
                    "& 40 new connectors. Worth a look if you run ops."
                ),
            ],
            "facebook": [
                (
                    "Some of you have asked what I actually do at work. This, mostly! Our team "
                    "just launched Relay 5, which helps companies automate the repetitive parts of "
                    "their operations. Feeling pretty proud today."
                ),
            ],
            "bluesky": [
                (
                    "Relay 5 shipped today. My favorite bit: you describe a workflow in plain "
                    "language and get a working draft you can refine."
                ),
            ],
            "threads": [
                (
                    "Launch day at Northwind 🚀 Relay 5 is out, with plain-language workflow "
                    "drafting, a visual scheduler and 40 new connectors. If you've ever rebuilt "
                    "the same weekly report by hand, this one's for you."
                ),
            ],
            "xing": [
                (
                    "Relay 5 is now available. For operations teams across Germany, Austria and "
                    "Switzerland, the highlights are plain-language workflow drafting, a new "
                    "visual scheduler and 40 new connectors, including several popular accounting "
                    "tools."
                ),
            ],
        },
    },
    {
        "title": "How Harbor & Pine Logistics cut month-end close from nine days to four",
        "slug": "harbor-and-pine-story",
        "summary": (
            "Harbor & Pine Logistics replaced a tangle of spreadsheets with Relay workflows and "
            "now closes its books in four days instead of nine."
        ),
        "target_url": "https://northwind.example/customers/harbor-and-pine",
        "topics": ["Customers", "Product"],
        "departments": ["Sales", "Customer Success", "Finance"],
        "campaign": "spring-launch",
        "priority": False,
        "schedule": "live",
        "internal_note": (
            "Harbor & Pine approved this story for publication. Please use only the figures in the "
            "published story, and don't mention their contract, pricing or any other products "
            "they're evaluating."
        ),
        "captions": {
            "linkedin": [
                (
                    "Month-end close used to take the finance team at Harbor & Pine Logistics nine "
                    "days. With a handful of Relay workflows, it now takes four. I love stories "
                    "like this, because the win isn't only speed: it's fewer late nights for the "
                    "people doing the work."
                ),
                (
                    "If you work in finance operations, this customer story is worth five minutes. "
                    "Harbor & Pine Logistics went from a nine-day close to a four-day close, "
                    "mostly by automating the handoffs nobody enjoyed."
                ),
            ],
            "x": [
                (
                    "Nine days to four. That's how much Harbor & Pine Logistics cut their "
                    "month-end close with Relay. Great story from our customer team."
                ),
                (
                    "Finance ops folks: Harbor & Pine went from a 9-day close to a 4-day close by "
                    "automating the handoffs. Worth a read."
                ),
            ],
            "facebook": [
                (
                    "Work brag: one of our customers, Harbor & Pine Logistics, now finishes their "
                    "month-end accounting in four days instead of nine. That's a lot of evenings "
                    "back for their finance team."
                ),
            ],
            "bluesky": [
                (
                    "Harbor & Pine Logistics cut their month-end close from nine days to four with "
                    "Relay. The best part of the story is what their team did with the time."
                ),
            ],
            "threads": [
                (
                    "Customer stories are my favorite kind of company news. Harbor & Pine "
                    "Logistics went from a nine-day month-end close to four days, and their "
                    "finance lead explains exactly how they did it."
                ),
            ],
        },
    },
    {
        "title": "Live demo: Relay 5 in 30 minutes",
        "slug": "relay-5-live-demo",
        "summary": (
            "A 30-minute live walkthrough of Relay 5 with our product team, followed by open Q&A. "
            "Everyone who registers gets the recording."
        ),
        "target_url": "https://northwind.example/events/relay-5-live-demo",
        "topics": ["Events", "Product"],
        "departments": ["Sales", "Customer Success", "Product"],
        "campaign": "spring-launch",
        "priority": False,
        "schedule": "live",
        "internal_note": (
            "Registration is free and open to anyone. If prospects ask for a private demo, point "
            "them to sales@northwind.example rather than booking calls in the comments."
        ),
        "captions": {
            "linkedin": [
                (
                    "Want to see Relay 5 without sitting through a sales pitch? Our product team "
                    "is running a 30-minute live walkthrough, with plenty of time for questions. "
                    "Can't make it live? Register anyway and you'll get the recording."
                ),
                (
                    "Thirty minutes, no slides marathon: a live look at Relay 5 from the people "
                    "who built it, followed by open Q&A. Bring your trickiest workflow questions."
                ),
            ],
            "x": [
                (
                    "30 minutes, live: the Relay 5 walkthrough from the team that built it, plus "
                    "open Q&A. Can't make it? Register for the recording."
                ),
                (
                    "Curious about Relay 5? Our product team is demoing it live, with time for "
                    "your questions. Free to join."
                ),
            ],
            "bluesky": [
                (
                    "Our product team is demoing Relay 5 live: 30 minutes, then open Q&A. "
                    "Registration is free, and there's a recording if the time doesn't suit you."
                ),
            ],
            "threads": [
                (
                    "If you'd rather see a product than read about it: we're running a 30-minute "
                    "live demo of Relay 5 with open Q&A at the end. Free to join, and you'll get "
                    "the recording either way."
                ),
            ],
            "xing": [
                (
                    "Operations and finance teams in the DACH region: our product team is running "
                    "a free 30-minute live demo of Relay 5, with open Q&A. Everyone who registers "
                    "receives the recording."
                ),
            ],
        },
    },
    {
        "title": "We're hiring engineers in Berlin",
        "slug": "berlin-engineering-hiring",
        "summary": (
            "Northwind is growing its Berlin engineering hub, with open roles for backend, "
            "platform and site reliability engineers, on site or hybrid."
        ),
        "target_url": "https://northwind.example/careers/berlin-engineering",
        "topics": ["Hiring", "Culture"],
        "departments": ["Engineering", "People"],
        "campaign": None,
        "priority": True,
        "schedule": "live",
        "internal_note": (
            "Salary ranges are listed on each job page; please don't quote other figures. "
            "Referrals go through the referral form on the intranet, not through direct messages "
            "with candidates' résumés."
        ),
        "captions": {
            "linkedin": [
                (
                    "My team in Berlin is growing. We're hiring backend, platform and site "
                    "reliability engineers who like hard problems, calm on-call rotations and "
                    "colleagues who write things down. Happy to answer questions about what it's "
                    "really like here."
                ),
                (
                    "If you know a great engineer in Berlin who's ready for something new, I'd "
                    "love an introduction. We're hiring for several roles, on site or hybrid, and "
                    "the job pages list the salary ranges up front."
                ),
                (
                    "One of the things I value most about working at Northwind is how much "
                    "engineers shape what we build. We're now hiring in Berlin across backend, "
                    "platform and reliability. Take a look, or pass it on to someone who'd be a "
                    "great fit."
                ),
            ],
            "x": [
                (
                    "We're hiring engineers in Berlin: backend, platform & SRE, on site or hybrid, "
                    "salary ranges on every listing. DMs open for questions."
                ),
                (
                    "Know a Berlin engineer who likes hard problems and calm on-call? Northwind is "
                    "hiring, and I'm happy to chat about the team."
                ),
            ],
            "facebook": [
                (
                    "Friends in Berlin (or thinking about moving there): my team is hiring "
                    "engineers. If you or someone you know might be interested, take a look and "
                    "send me a message."
                ),
            ],
            "bluesky": [
                (
                    "Hiring in Berlin: backend, platform and reliability engineers, on site or "
                    "hybrid, with salary ranges on every listing. Happy to answer questions."
                ),
            ],
            "threads": [
                (
                    "My team is hiring in Berlin! Backend, platform and reliability roles, on site "
                    "or hybrid. Ask me anything about the team, the work or the coffee."
                ),
            ],
            "xing": [
                (
                    "We're expanding our engineering team in Berlin, with open roles in backend, "
                    "platform and site reliability engineering, on site or hybrid. Every listing "
                    "includes the salary range. I'm happy to answer questions about the team and "
                    "how we work."
                ),
            ],
            "instagram": [
                (
                    "Our Berlin office is growing, and we're hiring engineers to fill it.\n"
                    "Backend, platform and reliability roles, on site or hybrid.\n"
                    "Link in my profile, and my DMs are open for questions."
                ),
            ],
        },
    },
    {
        "title": "Northwind Gives: our company-wide volunteer day",
        "slug": "northwind-gives-2026",
        "summary": (
            "Every Northwind office closed for a day so teams could volunteer with local groups, "
            "from a river cleanup in Lisbon to a coding club for teenagers in Berlin."
        ),
        "target_url": "https://northwind.example/blog/northwind-gives-2026",
        "topics": ["Culture", "Sustainability"],
        "departments": [],
        "campaign": None,
        "priority": False,
        "schedule": "live",
        "internal_note": (
            "Photos in the blog post are cleared for sharing. If you post your own photos, please "
            "check that everyone in them is happy to appear, especially volunteers from partner "
            "organizations and any children."
        ),
        "captions": {
            "linkedin": [
                (
                    "Last week every Northwind office closed for a day so we could volunteer with "
                    "local groups, from a river cleanup in Lisbon to a coding club for teenagers "
                    "in Berlin. Days like this remind me why I like working here."
                ),
                (
                    "My favorite day of the year at work didn't involve any work. Northwind Gives "
                    "took teams across all our offices out into their communities, and the blog "
                    "post has some lovely stories from the day."
                ),
            ],
            "x": [
                (
                    "Northwind Gives day: every office closed so we could volunteer locally. River "
                    "cleanups, coding clubs & a lot of happy, tired people."
                ),
                (
                    "Every Northwind office closed for a day so we could volunteer locally. Here's "
                    "what we got up to."
                ),
            ],
            "facebook": [
                (
                    "Had a great day with my colleagues: instead of working, we all spent it "
                    "volunteering with local groups, from cleaning up the river to running a "
                    "coding club for teenagers. Tired but very happy!"
                ),
            ],
            "bluesky": [
                (
                    "Our whole company took a day off to volunteer with local groups. River "
                    "cleanups, coding clubs, and the best kind of tired."
                ),
            ],
            "threads": [
                (
                    "No laptops today 🌱 Every Northwind office closed so we could volunteer with "
                    "local groups, from river cleanups to coding clubs. The best kind of tired."
                ),
            ],
            "instagram": [
                (
                    "Northwind Gives day 🌱\n"
                    "One day, every office, no laptops.\n"
                    "River cleanups, coding clubs and a lot of happy, tired people. Proud of this "
                    "crew."
                ),
            ],
        },
    },
    {
        "title": "Northwind Labs is now ISO/IEC 27001 certified",
        "slug": "iso-27001-certification",
        "summary": (
            "An independent auditor has certified Northwind's information security management "
            "system against ISO/IEC 27001. The certificate and our security overview are in the "
            "Trust Center."
        ),
        "target_url": "https://northwind.example/trust/iso-27001",
        "topics": ["Security"],
        "departments": ["Sales", "Customer Success", "Engineering"],
        "campaign": None,
        "priority": False,
        "schedule": "live",
        "internal_note": (
            "Please don't describe specific controls, tools or audit findings. Customers who want "
            "the full audit report can request it through the Trust Center under NDA."
        ),
        "captions": {
            "linkedin": [
                (
                    "Security questionnaires are a big part of buying software, and this milestone "
                    "should make them a lot shorter for our customers. Northwind Labs is now "
                    "ISO/IEC 27001 certified, and the certificate is available in our Trust Center."
                ),
                (
                    "Proud of our security and engineering teams: Northwind has passed its ISO/IEC "
                    "27001 certification audit. Years of careful, mostly invisible work sit behind "
                    "that one line."
                ),
            ],
            "x": [
                (
                    "Northwind Labs is now ISO/IEC 27001 certified. Huge credit to our security "
                    "team for years of careful, mostly invisible work."
                ),
                (
                    "Good news for anyone filling in vendor security questionnaires: Northwind is "
                    "now ISO/IEC 27001 certified."
                ),
            ],
            "bluesky": [
                (
                    "Northwind is now ISO/IEC 27001 certified. Quiet, careful work from our "
                    "security team, and I'm glad to see it recognized."
                ),
            ],
            "threads": [
                (
                    "Not the flashiest news, but an important one: Northwind Labs is now ISO/IEC "
                    "27001 certified. If you've ever chased a vendor for security documentation, "
                    "you'll know why this matters."
                ),
            ],
        },
    },
    {
        "title": "State of Operations 2026",
        "slug": "state-of-operations-2026",
        "summary": (
            "Our annual survey of 1,200 operations leaders: nearly six in ten say handoffs between "
            "teams, not tools, are their biggest bottleneck."
        ),
        "target_url": "https://northwind.example/research/state-of-operations-2026",
        "topics": ["Research"],
        "departments": [],
        "campaign": None,
        "priority": True,
        "schedule": "live",
        "internal_note": (
            "Quote only figures that appear in the published report. The raw survey data isn't "
            "public."
        ),
        "captions": {
            "linkedin": [
                (
                    "Our State of Operations 2026 report is out. The finding that stuck with me: "
                    "nearly six in ten operations leaders say their biggest bottleneck isn't "
                    "tooling, it's the handoffs between teams. Does that match what you see?"
                ),
                (
                    "We asked 1,200 operations leaders what slows them down. The short answer: "
                    "other teams, or more precisely, the handoffs between them. The full report "
                    "has practical ideas for fixing that, not just charts."
                ),
                (
                    "If you're planning next year's operations priorities, this report is a useful "
                    "reality check. Nearly six in ten of the 1,200 leaders we surveyed point to "
                    "handoffs between teams as their biggest bottleneck."
                ),
            ],
            "x": [
                (
                    "We surveyed 1,200 ops leaders. Nearly 6 in 10 say handoffs between teams, not "
                    "tools, are their biggest bottleneck. Sounds familiar?"
                ),
                (
                    "New research from Northwind: the biggest drag on operations teams isn't "
                    "software. It's the handoffs."
                ),
            ],
            "facebook": [
                (
                    "Our team just published its yearly research report on how operations teams "
                    "work. The headline: most slowdowns happen between teams, not inside them. "
                    "Interesting read if that's your world."
                ),
            ],
            "bluesky": [
                (
                    "Nearly six in ten of the 1,200 ops leaders we surveyed say handoffs between "
                    "teams, not tools, are their biggest bottleneck."
                ),
            ],
            "threads": [
                (
                    "Our State of Operations 2026 report is out. Nearly six in ten operations "
                    "leaders say the biggest bottleneck is the handoff between teams, not the "
                    "tools. I'd love to hear your messiest handoff story."
                ),
            ],
            "xing": [
                (
                    "Our State of Operations 2026 report surveyed 1,200 operations leaders, and "
                    "nearly six in ten name handoffs between teams as their biggest bottleneck. A "
                    "useful read for anyone planning operations priorities for the coming year."
                ),
            ],
        },
    },
    {
        "title": "Our first sustainability report",
        "slug": "sustainability-report-2025",
        "summary": (
            "Northwind's first sustainability report covers our 2025 emissions, the move of our "
            "hosting to regions powered by renewable energy, and the targets we've set for 2030."
        ),
        "target_url": "https://northwind.example/sustainability/report-2025",
        "topics": ["Sustainability"],
        "departments": [],
        "campaign": None,
        "priority": False,
        "schedule": "scheduled",
        "internal_note": (
            "Goes live together with the report. Please don't round or restate the emissions "
            "figures; link to the report instead."
        ),
        "captions": {
            "linkedin": [
                (
                    "Northwind has published its first sustainability report. It's honest about "
                    "where we are today, explains the move of our hosting to renewable-powered "
                    "regions, and sets targets for 2030 that we'll report against every year."
                ),
                (
                    "Measuring is the unglamorous first step. Our first sustainability report sets "
                    "out our 2025 emissions and the targets we've committed to for 2030."
                ),
            ],
            "x": [
                (
                    "Our first sustainability report is out: 2025 emissions, hosting moved to "
                    "renewable-powered regions, and targets for 2030."
                ),
                (
                    "Glad to see Northwind publish its first sustainability report, with clear "
                    "2030 targets we'll report against yearly."
                ),
            ],
            "bluesky": [
                (
                    "Northwind's first sustainability report is out: where we stand today and the "
                    "targets we've set for 2030."
                ),
            ],
            "threads": [
                (
                    "Our first sustainability report is out. It covers our 2025 emissions, the "
                    "switch to renewable-powered hosting regions and our 2030 targets. A first "
                    "step, with more to do."
                ),
            ],
        },
    },
    {
        "title": "Northwind Summit 2026: call for speakers",
        "slug": "summit-2026-call-for-speakers",
        "summary": (
            "Northwind Summit returns to Lisbon this November. We're looking for operations, "
            "finance and engineering practitioners to share real stories from the field. "
            "Submissions close on June 30."
        ),
        "target_url": "https://northwind.example/summit/call-for-speakers",
        "topics": ["Events", "Customers"],
        "departments": [],
        "campaign": "summit-2026",
        "priority": False,
        "schedule": "live",
        "internal_note": (
            "Anyone can submit a talk, including customers and partners. Please don't promise a "
            "slot to anyone; the program committee decides."
        ),
        "captions": {
            "linkedin": [
                (
                    "Have you fixed a messy operations process and lived to tell the tale? The "
                    "call for speakers for Northwind Summit 2026 in Lisbon is open until June 30, "
                    "and we're after real stories from practitioners, not product pitches."
                ),
                (
                    "Some of the best talks at last year's Summit came from first-time speakers. "
                    "If you've got a story about operations, finance or engineering work, I'd "
                    "encourage you to submit. Submissions close June 30."
                ),
            ],
            "x": [
                (
                    "The #NorthwindSummit 2026 call for speakers is open until June 30. Real ops, "
                    "finance & engineering stories wanted. Lisbon, November."
                ),
                (
                    "First-time speakers very welcome: submit a talk for Northwind Summit 2026 in "
                    "Lisbon. Deadline June 30."
                ),
            ],
            "bluesky": [
                (
                    "Northwind Summit is back in Lisbon this November, and the call for speakers "
                    "is open until June 30. Practitioner stories very welcome."
                ),
            ],
            "threads": [
                (
                    "Got a story about making operations work better? Northwind Summit 2026 is "
                    "looking for speakers. Lisbon in November, and submissions close on June 30."
                ),
            ],
        },
    },
    {
        "title": "Northwind Summit 2026 agenda announced",
        "slug": "summit-2026-agenda",
        "summary": (
            "Two days, three tracks and more than 30 talks from operations, finance and "
            "engineering teams. The full Northwind Summit agenda and early-bird registration are "
            "now live."
        ),
        "target_url": "https://northwind.example/summit/agenda",
        "topics": ["Events"],
        "departments": [],
        "campaign": "summit-2026",
        "priority": True,
        "schedule": "scheduled",
        "internal_note": (
            "Scheduled to go live when the agenda is published. Speaker names are embargoed until "
            "then, so please don't mention who is speaking before this post is available."
        ),
        "captions": {
            "linkedin": [
                (
                    "The Northwind Summit 2026 agenda is live: two days in Lisbon, three tracks "
                    "and more than 30 talks from people doing the work. I've already picked my "
                    "first three sessions."
                ),
                (
                    "If you only go to one operations event this year, make it this one. The "
                    "Northwind Summit agenda is out, with more than 30 practitioner talks and "
                    "early-bird tickets available now."
                ),
            ],
            "x": [
                (
                    "The #NorthwindSummit 2026 agenda is out: 2 days, 3 tracks, 30+ talks. "
                    "Early-bird registration is open."
                ),
                (
                    "Lisbon in November, 30+ talks from real ops teams. The Northwind Summit "
                    "agenda just went live."
                ),
            ],
            "bluesky": [
                (
                    "The Northwind Summit 2026 agenda is live: two days, three tracks and more "
                    "than 30 talks in Lisbon this November."
                ),
            ],
            "threads": [
                (
                    "Agenda's out for Northwind Summit 2026 🎉 Two days, three tracks and more than "
                    "30 talks in Lisbon. Which session would you pick first?"
                ),
            ],
            "instagram": [
                (
                    "Lisbon, November.\n"
                    "Two days, three tracks, 30+ talks.\n"
                    "The Northwind Summit 2026 agenda is live, and early-bird registration is "
                    "open. Link in my profile."
                ),
            ],
        },
    },
    {
        "title": "Our graduate program is open for applications",
        "slug": "graduate-program-2026",
        "summary": (
            "Twelve paid graduate roles across engineering, finance and customer success, starting "
            "in September in Lisbon and Berlin, with a mentor for every graduate."
        ),
        "target_url": "https://northwind.example/careers/graduates",
        "topics": ["Hiring", "Culture"],
        "departments": ["People", "Engineering", "Finance", "Customer Success"],
        "campaign": None,
        "priority": False,
        "schedule": "live",
        "internal_note": (
            "Applications are reviewed on a rolling basis. Please send questions about eligibility "
            "or visas to careers@northwind.example rather than answering them in comments."
        ),
        "captions": {
            "linkedin": [
                (
                    "A good first job shapes how you work for years, and the right mentor makes "
                    "all the difference. Applications for our graduate program are open: twelve "
                    "paid roles in engineering, finance and customer success, in Lisbon and Berlin."
                ),
                (
                    "Know someone finishing their studies this year? Our graduate program has "
                    "twelve paid roles starting in September, and every graduate gets a dedicated "
                    "mentor. Please pass it on."
                ),
            ],
            "x": [
                (
                    "Graduating this year? Northwind has 12 paid graduate roles in engineering, "
                    "finance & customer success, in Lisbon and Berlin."
                ),
                (
                    "Our graduate program is open: 12 roles, a mentor for everyone, starting in "
                    "September. Please share with anyone finishing their studies."
                ),
            ],
            "facebook": [
                (
                    "If you know anyone finishing college this year, my company's graduate "
                    "program is open. Twelve paid roles in Lisbon and Berlin, and every graduate "
                    "gets a mentor. Happy to answer questions!"
                ),
            ],
            "bluesky": [
                (
                    "Northwind's graduate program is open: twelve paid roles in Lisbon and Berlin, "
                    "with a mentor for every graduate."
                ),
            ],
            "threads": [
                (
                    "Graduating soon? Our graduate program has twelve paid roles in engineering, "
                    "finance and customer success, starting in September. Ask me anything about it."
                ),
            ],
            "xing": [
                (
                    "Our graduate program is open for applications: twelve paid roles in "
                    "engineering, finance and customer success, based in Lisbon and Berlin and "
                    "starting in September. Every graduate is paired with a mentor for their first "
                    "year."
                ),
            ],
            "instagram": [
                (
                    "Applications are open for our graduate program ✨ Twelve paid roles, two "
                    "cities, and a mentor for every graduate. Tag someone who's finishing their "
                    "studies this year."
                ),
            ],
        },
    },
    {
        "title": "How we cut our CI build times in half",
        "slug": "faster-builds",
        "summary": (
            "Our platform team explains how caching, test splitting and a few hard decisions "
            "halved build times, and shares the two experiments that didn't work."
        ),
        "target_url": "https://northwind.example/blog/faster-builds",
        "topics": ["Research", "Culture"],
        "departments": ["Engineering", "Product"],
        "campaign": None,
        "priority": False,
        "schedule": "live",
        "internal_note": (
            "Suggested by an engineer through Chorus. Fine to discuss the techniques in the post; "
            "please don't share internal build dashboards or repository names."
        ),
        "captions": {
            "linkedin": [
                (
                    "We cut our CI build times roughly in half this quarter. The write-up covers "
                    "what worked (caching and smarter test splitting) and, more usefully, the two "
                    "experiments that didn't."
                ),
                (
                    "Slow builds are a tax on every engineer, every day. Our platform team wrote "
                    "an honest account of how we halved ours, including the dead ends. Worth a "
                    "read if your pipeline feels sluggish."
                ),
            ],
            "x": [
                (
                    "How we halved our CI build times: caching, test splitting & a couple of hard "
                    "calls. Plus the two ideas that flopped."
                ),
                "Our platform team wrote up how we cut build times in half, dead ends included.",
                (
                    "Builds twice as fast, and an honest list of what didn't work. Nice write-up "
                    "from our platform team."
                ),
            ],
            "bluesky": [
                (
                    "We halved our CI build times this quarter. The write-up includes the two "
                    "experiments that didn't work, which might be the most useful part."
                ),
            ],
            "threads": [
                (
                    "Engineering friends: our platform team wrote up how we cut CI build times in "
                    "half, with the failed experiments included. Honest and practical."
                ),
            ],
        },
    },
    {
        "title": "Meet the Northwind Community",
        "slug": "northwind-community",
        "summary": (
            "A new forum where Relay customers can swap workflow recipes, ask questions and get "
            "answers from each other and from our team."
        ),
        "target_url": "https://northwind.example/community",
        "topics": ["Customers", "Product"],
        "departments": ["Customer Success", "Product", "Sales"],
        "campaign": None,
        "priority": False,
        "schedule": "live",
        "internal_note": (
            "The forum is public to read and free to join for Relay customers. Support issues "
            "still go through the help center, so please don't promise fixes in forum threads."
        ),
        "captions": {
            "linkedin": [
                (
                    "Some of the best Relay workflows I've seen were built by customers, not by "
                    "us. The new Northwind Community gives them a place to share those recipes and "
                    "help each other. I'll be hanging out there too."
                ),
                (
                    "We've opened the Northwind Community: a forum where Relay users swap workflow "
                    "recipes, ask questions and get answers from peers and from our team."
                ),
            ],
            "x": [
                (
                    "The Northwind Community is open: swap Relay workflow recipes, ask questions & "
                    "learn from other ops teams."
                ),
                (
                    "Relay users: there's now a community forum for you. Come say hello, I'll be "
                    "around."
                ),
            ],
            "bluesky": [
                (
                    "We've opened a community forum for Relay users. Swap workflow recipes, ask "
                    "questions, and get answers from people who've solved the same problem."
                ),
            ],
            "threads": [
                (
                    "Some of the smartest Relay workflows come from our customers, so we built "
                    "them a place to share. The Northwind Community is open, and I'll be there "
                    "answering questions."
                ),
            ],
        },
    },
    {
        "title": "Twenty weeks of paid parental leave, for every parent",
        "slug": "parental-leave",
        "summary": (
            "From July, every Northwind parent gets twenty weeks of fully paid leave, whatever "
            "their location or gender and however they became a parent."
        ),
        "target_url": "https://northwind.example/blog/parental-leave",
        "topics": ["Culture", "Hiring"],
        "departments": [],
        "campaign": None,
        "priority": False,
        "schedule": "live",
        "internal_note": (
            "Please don't share details of individual colleagues' leave or plans. Questions about "
            "eligibility go to people@northwind.example."
        ),
        "captions": {
            "linkedin": [
                (
                    "From July, every parent at Northwind gets twenty weeks of fully paid leave, "
                    "wherever they work and however they became a parent. Policies like this say a "
                    "lot about a company, and I'm glad this is ours."
                ),
                (
                    "Twenty weeks of paid parental leave for every parent, in every country we "
                    "work in. Our People team explains why they made the change and how it works."
                ),
            ],
            "x": [
                (
                    "From July, every Northwind parent gets 20 weeks of fully paid leave, in every "
                    "country we work in. Proud of this one."
                ),
                (
                    "20 weeks paid parental leave for every parent, however they became one. Good "
                    "move by our People team."
                ),
            ],
            "facebook": [
                (
                    "Really happy about this news from work: from July, every parent at Northwind "
                    "gets twenty weeks of fully paid parental leave, wherever they're based and "
                    "however they became a parent."
                ),
            ],
            "bluesky": [
                (
                    "From July, every parent at Northwind gets twenty weeks of fully paid leave, "
                    "however they became a parent. Good news to share."
                ),
            ],
            "threads": [
                (
                    "Twenty weeks of fully paid parental leave for every Northwind parent, in "
                    "every country, from July. Policies like this matter, and I'm glad to work "
                    "somewhere that gets it."
                ),
            ],
        },
    },
    {
        "title": "Webinar: planning your automation budget",
        "slug": "automation-budget-webinar",
        "summary": (
            "A practical session for finance and operations leaders on building the business case "
            "for automation. The live session has ended; the recording is on our resources page."
        ),
        "target_url": "https://northwind.example/events/automation-budget-webinar",
        "topics": ["Events"],
        "departments": ["Sales", "Finance"],
        "campaign": None,
        "priority": False,
        "schedule": "expired",
        "internal_note": (
            "This session has taken place, so the post has expired. If the topic is useful to your "
            "network, share the recording from the resources page instead."
        ),
        "captions": {
            "linkedin": [
                (
                    "Building the business case for automation is half the battle. Our finance "
                    "team is running a practical webinar on planning an automation budget that a "
                    "CFO will actually sign off on."
                ),
            ],
            "x": [
                (
                    "Finance & ops leaders: join our webinar on building an automation budget your "
                    "CFO will approve."
                ),
            ],
        },
    },
    {
        "title": "New pricing for Relay Team plans",
        "slug": "relay-team-pricing",
        "summary": "Updated pricing and plan limits for Relay Team.",
        "target_url": "https://northwind.example/pricing/relay-team",
        "topics": ["Product"],
        "departments": ["Sales"],
        "campaign": None,
        "priority": False,
        "schedule": "retracted",
        "internal_note": (
            "Retracted: this page went live before pricing was final. If you shared it, please "
            "delete your post; the social team will also get in touch. A corrected post will "
            "follow."
        ),
        "captions": {
            "linkedin": [
                (
                    "Relay Team plans have new pricing and higher limits, which should make it "
                    "easier for smaller teams to get started with automation."
                ),
            ],
            "x": ["New pricing for Relay Team plans, with higher limits for smaller teams."],
        },
    },
]

SUGGESTIONS = [
    {
        "url": "https://opsweekly.example/2026/automation-research-roundup",
        "note": (
            "Ops Weekly featured our State of Operations report in their research roundup. It "
            "might be nice for Sales and Customer Success to share, since it's independent "
            "coverage."
        ),
        "state": "pending",
        "decline_reason": "",
    },
    {
        "url": "https://northwind.example/blog/faster-builds",
        "note": (
            "The platform team's write-up on build times got great feedback in #engineering. I "
            "think a lot of engineers would happily share it with their networks."
        ),
        "state": "accepted",
        "decline_reason": "",
    },
    {
        "url": "https://northwind.example/docs/relay-api-v3-beta",
        "note": (
            "The new v3 API docs are really well written. Could we add them to Chorus so "
            "developers can share them?"
        ),
        "state": "declined",
        "decline_reason": (
            "The v3 API is still in a private beta and these docs are only meant for invited "
            "customers. We'll prepare a post as soon as it's generally available. Thanks for "
            "flagging it!"
        ),
    },
    {
        "url": "https://lisbonopsmeetup.example/events/may-2026",
        "note": (
            "I'm giving a talk on month-end automation at the Lisbon Ops meetup in May. Would it "
            "be okay to add the event page so colleagues can share it?"
        ),
        "state": "pending",
        "decline_reason": "",
    },
]
