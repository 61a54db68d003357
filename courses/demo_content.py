"""Demo course content for Northwind Labs, the fictional company in the Chorus demo.

Plain literal data only: the social media basic training (seven lessons and a quiz) and a short
LinkedIn course. Rich-text blocks use a small HTML subset; every other field is plain text.
"""

BASIC_COURSE = {
    "title": "Social media basic training",
    "slug": "social-media-basics",
    "summary": (
        "A short, practical course on sharing Northwind news on your own social accounts: why your "
        "voice matters, why it's always your choice, how to pick the right network, how to make a "
        "post sound like you, and how to stay on the right side of our policy. It ends with a "
        "quick quiz, after which you'll read and acknowledge the social media policy."
    ),
    "lessons": [
        {
            "title": "Why your voice carries",
            "slug": "why-your-voice-carries",
            "intro": (
                "Together, Northwind's people reach far more people than our company accounts ever "
                "could, and they are trusted far more."
            ),
            "body": [
                (
                    "text",
                    (
                        "<h2>One company account, hundreds of personal networks</h2><p>Northwind "
                        "Labs has exactly one official account on each social network. It does a "
                        "decent job, but it has two built-in limits. It only reaches people who "
                        "have already chosen to follow a software company, and everyone reading it "
                        "knows precisely who is talking: a business talking about "
                        "itself.</p><p>Now think about your own network. Former classmates, people "
                        "you worked with at previous jobs, customers you have helped, the person "
                        "you met at a meetup three years ago who still likes your posts. Each of "
                        "us carries a slightly different circle, and those circles overlap far "
                        "less than you might expect.</p><p>The arithmetic is simple. If 100 of us "
                        "each have around 100 followers, one piece of news can reach roughly "
                        "<strong>10,000 people</strong>, with no ad budget at all. Most people "
                        "have more than 100 connections, and Northwind has several hundred "
                        "employees, so the real number is usually much bigger. That's the idea "
                        "behind Chorus: not a louder company, but more real people sharing things "
                        "they actually find worth sharing.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h2>Trust beats reach</h2><p>Reach is only half the story. When a company "
                        "says its product is brilliant, most readers shrug: of course it would say "
                        "that. When someone they know says <em>this saved my team a week every "
                        "month</em>, they pay attention. A recommendation from a person comes with "
                        "that person's reputation attached, and readers know it.</p><p>Trust "
                        "surveys have pointed the same way for more than a decade: ordinary "
                        "employees are often rated as more believable than a company's CEO, its "
                        "founders or its PR department. Industry research shows the effect on "
                        "reach, too. One widely quoted agency study found that employees' networks "
                        "can reach around ten times the audience of a brand's own channels, and "
                        "that brand messages are reshared far more often when an employee posts "
                        "them. And roughly three out of four buyers say social posts influence "
                        "what they decide to buy.</p><p>There's a catch, and it shapes everything "
                        "else in this course. The trust your followers give you is yours, not "
                        "ours. It was built over years and it can be spent quickly. Northwind only "
                        "benefits from your voice if it keeps sounding like you.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "You don't need a big following to make a difference. A few hundred "
                            "people who know you and care about your field are worth more than "
                            "thousands of strangers."
                        ),
                    },
                ),
                (
                    "sample_post",
                    {
                        "platform": "linkedin",
                        "author": "Hannah Osei, Customer Success Manager",
                        "text": (
                            "Three years ago I was the ops lead rebuilding the same month-end "
                            "report by hand. Today I help customers stop doing exactly that, and "
                            "this week we shipped the feature they ask me about most: "
                            "plain-language workflow drafting in Relay 5. If you run operations at "
                            "a growing company, it's worth ten minutes of your time.\n"
                            "\n"
                            "https://northwind.example/news/relay-5-launch #employee"
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "do": (
                            "Share things you would find useful or interesting if a friend sent "
                            "them to you."
                        ),
                        "dont": (
                            "Treat your network as a free advertising channel for every company "
                            "announcement."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Sharing is always your choice",
            "slug": "sharing-is-voluntary",
            "intro": (
                "Taking part in Chorus is voluntary, and it only works because people choose it "
                "freely."
            ),
            "body": [
                (
                    "text",
                    (
                        "<h2>Your choice, every single time</h2><p>Nobody at Northwind has to "
                        "share anything. Not during launch week, not when a senior leader is "
                        "excited about a post, not ever. Sharing is not part of anyone's job "
                        "description, it does not appear in performance reviews, and Chorus does "
                        "not tell managers who has or hasn't shared. You can take this training, "
                        "acknowledge the policy and never share a single post. That's a perfectly "
                        "fine outcome.</p><p>We built the program this way on purpose. A post "
                        "someone was pushed into reads like one, and followers notice. Advocacy "
                        "only works when people actually want to do it, which means it has to be "
                        "good for you as well as for Northwind.</p><p>So what's in it for you? "
                        "Sharing thoughtful, relevant material helps you build a professional "
                        "audience of your own. Over time, people start to associate you with your "
                        "field: the engineer who writes clearly about reliability, the finance "
                        "analyst who explains automation in plain terms, the recruiter who always "
                        "knows which teams are growing. That reputation belongs to you and goes "
                        "wherever your career goes. Northwind gets a bit more reach; you get a "
                        "stronger professional presence. It's a two-way street, or it isn't worth "
                        "doing.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "You can pick and choose. Sharing one post a month that you genuinely "
                            "care about is a completely valid way to take part, and so is sharing "
                            "nothing at all."
                        ),
                    },
                ),
                (
                    "text",
                    (
                        "<h2>Respecting each other's choices</h2><p>People have good reasons to "
                        "keep their accounts to themselves. Some keep Facebook strictly for "
                        "family. Some don't use social media at all. Some have privacy or safety "
                        "reasons they don't owe anyone an explanation for, and some are quietly "
                        "looking for their next job. All of those are fine, and none of them needs "
                        "to be discussed at work.</p><p>What that means in "
                        "practice:</p><ul><li><strong>No chasing.</strong> Don't message "
                        "colleagues to ask whether they've shared a post yet.</li><li><strong>No "
                        "public scoreboards.</strong> Don't name, rank or tease people who haven't "
                        "shared, in meetings or in team channels.</li><li><strong>Thank, don't "
                        "rank.</strong> It's lovely to thank people who shared something. It's not "
                        "okay to compare them with people who didn't.</li><li><strong>Mention it "
                        "once.</strong> If you lead a team, you can say that a new post is "
                        "available in Chorus. Then leave it there.</li></ul><p>Inside the company, "
                        "the best way to get colleagues interested is the same as outside it: be "
                        "helpful, celebrate other teams' work and listen to what they care about. "
                        "Goodwill grows slowly, and it can't be demanded.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Managers: never make sharing part of someone's role, count shares in "
                            "a review, or single out people who haven't posted. If you're unsure "
                            "whether something crosses the line, ask the People team before you "
                            "say it."
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "do": (
                            "Mention once in a team meeting that a new post is in Chorus, and "
                            "leave the decision to each person."
                        ),
                        "dont": (
                            "Message colleagues one by one to ask why they haven't shared the "
                            "launch post yet."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Know your audience, pick your network",
            "slug": "audience-and-networks",
            "intro": (
                "A post only helps when it reaches people who care about it, so match the content "
                "to your followers and to the network."
            ),
            "body": [
                (
                    "text",
                    (
                        "<h2>Who actually follows you?</h2><p>Before you share anything, picture "
                        "the people who will see it. A post about a new integration for finance "
                        "teams is genuinely useful to the FP&amp;A lead you worked with at your "
                        "last job. To your cousin, your old soccer team and your neighbor, it's "
                        "noise, and a little odd.</p><p>Here's the picture to avoid: a sales "
                        "manager posting quarterly product updates to the friends she went to high "
                        "school with. Nobody benefits. Her friends are puzzled, the news goes "
                        "nowhere, and she spends a little goodwill for nothing. Compare that with "
                        "the same manager sharing the news on LinkedIn, where her network is full "
                        "of operations leaders who might actually use the product.</p><p>A good "
                        "match means your followers would find the post <strong>useful or "
                        "actionable</strong>, not merely tolerable. Ask yourself three quick "
                        "questions:</p><ol><li>Would the people who follow me here care about this "
                        "topic?</li><li>Could I explain in one sentence why it's relevant to "
                        "them?</li><li>Would I be happy to answer a question about it in the "
                        "comments?</li></ol><p>If the answer to any of these is no, skip the post "
                        "on that network. That's good judgment, not a lack of enthusiasm.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h2>Every network has its own mood</h2><p>The same news lands differently "
                        "depending on where you post it, because people arrive on each network "
                        "with different expectations.</p><ul><li><strong>LinkedIn</strong> is "
                        "about work, careers and industry talk. It's the natural home for most "
                        "Northwind content: product news, research, hiring and customer "
                        "stories.</li><li><strong>X</strong> moves fast and rewards short, sharp "
                        "posts. It works well for technical communities and live "
                        "events.</li><li><strong>Bluesky</strong> and <strong>Threads</strong> are "
                        "conversational. Keep it brief, human and open to "
                        "replies.</li><li><strong>XING</strong> is a professional network popular "
                        "in Germany, Austria and Switzerland, and a good fit for our Berlin hiring "
                        "news.</li><li><strong>Facebook</strong> is mostly friends and family. "
                        "Culture, volunteering and the occasional job opening can work; product "
                        "announcements rarely do.</li><li><strong>Instagram</strong> is visual. "
                        "Think behind-the-scenes photos from events, with everyone's "
                        "permission.</li></ul><p>Chorus offers suggested captions for each network "
                        "because one size never fits all. On LinkedIn you might write a short "
                        "paragraph on why a release matters to operations teams; on X, one "
                        "sentence and the link. Choose the one or two networks where your audience "
                        "genuinely cares, and leave the rest.</p>"
                    ),
                ),
                (
                    "sample_post",
                    {
                        "platform": "x",
                        "author": "Tomás Oliveira, Senior Platform Engineer",
                        "text": (
                            "We cut our CI build times roughly in half this quarter. I wrote up "
                            "what worked, and the two ideas that really didn't: "
                            "https://northwind.example/blog/faster-builds #employee"
                        ),
                    },
                ),
                (
                    "sample_post",
                    {
                        "platform": "facebook",
                        "author": "Mei Lin, People Partner",
                        "text": (
                            "Friends and family: my team at Northwind is hiring graduates for this "
                            "year's program in Lisbon and Berlin. If you know someone finishing "
                            "their studies who loves solving puzzles, send them my way! "
                            "https://northwind.example/careers/graduates #employee"
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "do": (
                            "Pick the one or two networks where your followers care about the "
                            "topic, and adapt the caption to each."
                        ),
                        "dont": (
                            "Paste the same caption onto every account you have at the same moment."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Building a professional presence",
            "slug": "professional-presence",
            "intro": (
                "Using social media professionally is a skill nobody is born with, and a few "
                "simple habits go a long way."
            ),
            "body": [
                (
                    "text",
                    (
                        "<h2>Not just for fun</h2><p>Many of us grew up treating social networks "
                        "as a place to unwind, argue about sports or share vacation photos. Using "
                        "them professionally can feel awkward at first, and that's normal. Nobody "
                        "is born knowing how to write a good LinkedIn headline. It's a skill, and "
                        "like most skills it improves quickly with a little practice.</p><p>Start "
                        "with your profile, because that's what people check when one of your "
                        "posts catches their eye:</p><ul><li><strong>Photo:</strong> recent, clear "
                        "and recognizably you. It doesn't need to be a studio "
                        "portrait.</li><li><strong>Headline:</strong> what you do and who you "
                        "help, in plain words. <em>Helping finance teams close the books "
                        "faster</em> says more than a job title "
                        "alone.</li><li><strong>About:</strong> a few sentences in your own voice "
                        "about your work and what you care about. Skip the "
                        "buzzwords.</li><li><strong>Employer:</strong> listing Northwind makes "
                        "your connection to us clear when you share our content, which also "
                        "supports disclosure.</li></ul><p>You decide how much of your life is "
                        "public. A professional presence doesn't mean giving up your privacy; it "
                        "means being deliberate about the part you choose to show.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h2>Give before you ask</h2><p>Networks grow through relationships, not "
                        "broadcasts. People with engaged professional audiences rarely got there "
                        "by posting more; they got there by being useful and generous, week after "
                        "week.</p><ul><li><strong>Follow</strong> people whose work you respect: "
                        "peers, customers, writers and researchers in your "
                        "field.</li><li><strong>Comment thoughtfully.</strong> Add an example, a "
                        "question or a different angle. <em>Great post!</em> doesn't build "
                        "anything.</li><li><strong>Share other people's work</strong> with credit, "
                        "including colleagues from other teams. A public thank-you to the Customer "
                        "Success team, or to an engineer whose fix saved your week, is good for "
                        "everyone.</li><li><strong>Answer questions</strong> where you know the "
                        "topic well.</li></ul><p>Consistency matters more than volume. Ten minutes "
                        "a few times a week beats a burst of activity followed by months of "
                        "silence. Over time, aim for a healthy mix: mostly your own observations "
                        "and useful reading from around your industry, with Northwind content now "
                        "and then when it genuinely adds something. The reputation you build this "
                        "way is yours. It stays with you whatever you do next, which is exactly "
                        "why it's worth looking after.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "Spend ten minutes a week leaving thoughtful comments on posts from "
                            "people in your field. It's the quickest way to be noticed by the "
                            "right people."
                        ),
                    },
                ),
                (
                    "sample_post",
                    {
                        "platform": "linkedin",
                        "author": "Daniel Brooks, Senior Finance Analyst",
                        "text": (
                            "A public thank-you to our Customer Success team. I sat in on a few of "
                            "their calls with Harbor & Pine Logistics this year and learned more "
                            "about real month-end pain than in any course. Their story is now "
                            "published, and it's a good read if you work in finance operations: "
                            "https://northwind.example/customers/harbor-and-pine #employee"
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "do": (
                            "Write your headline and about section in your own words, focused on "
                            "the problems you help solve."
                        ),
                        "dont": (
                            "Copy Northwind's marketing copy into your profile so that it reads "
                            "like a job ad."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Making a share easy and personal",
            "slug": "easy-and-personal",
            "intro": (
                "Chorus does the legwork, so you can spend your thirty seconds on the part only "
                "you can add."
            ),
            "body": [
                (
                    "text",
                    (
                        "<h2>How sharing works in Chorus</h2><p>Every post in the Chorus library "
                        "has been prepared and approved before you see it. Each one links to "
                        "content that is already published, such as a blog post, a press release "
                        "or a careers page, and comes with a short summary and suggested captions "
                        "for each network, written in the first person so they read "
                        "naturally.</p><p>Sharing takes three steps:</p><ol><li><strong>Pick a "
                        "post</strong> that fits your interests and your audience. Filters by "
                        "topic and department help you find relevant ones "
                        "quickly.</li><li><strong>Pick a network</strong> and a suggested caption, "
                        "then edit it as much as you like.</li><li><strong>Share.</strong> Chorus "
                        "adds the link and the <strong>#employee</strong> disclosure for "
                        "you.</li></ol><p>Some posts carry an <em>internal note</em> from the team "
                        "that prepared them, for example which questions to pass to Sales, or "
                        "which details aren't public yet. Read it before you share. When there's "
                        "important news, you may get an email or digest pointing you to a priority "
                        "post; it's still entirely up to you whether to share it.</p><p>Found "
                        "something you think colleagues would want to share? Use <em>Suggest a "
                        "post</em> to send the link to the social team. They'll review it and let "
                        "you know either way.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h2>Make it sound like you</h2><p>The suggested captions are a starting "
                        "point, not a script. If dozens of people post identical words on the same "
                        "morning, readers notice, and the posts lose the very thing that makes "
                        "employee sharing work: a real person's voice.</p><p>The best shares add "
                        "one thing only you can add. One or two sentences is "
                        "plenty:</p><ul><li>what you worked on, or what you saw happen behind the "
                        "scenes;</li><li>what a customer told you, if Northwind has already "
                        "published their story;</li><li>why it matters to people in your "
                        "field;</li><li>a question you'd genuinely like your network to "
                        "answer.</li></ul><p>Keep the facts straight. Don't add numbers, dates, "
                        "prices or promises that aren't in the published content, even if you "
                        "heard them in a meeting and they seem harmless. If you tag colleagues, "
                        "make sure they're happy to be tagged.</p><p>AI writing assistants can "
                        "help you find words, but read the result carefully and make sure it still "
                        "sounds like you and says only what's true. Never paste confidential "
                        "material into an AI tool to get help with a post.</p>"
                    ),
                ),
                (
                    "sample_post",
                    {
                        "platform": "bluesky",
                        "author": "Jonas Keller, Product Manager",
                        "text": (
                            "I spent most of the winter on the new scheduler in Relay 5, so "
                            "forgive me for being a little proud today. If your team still plans "
                            "recurring work in a spreadsheet, this one's for you. "
                            "https://northwind.example/news/relay-5-launch #employee"
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "do": (
                            "Add a sentence about your own experience: what you worked on, what "
                            "you learned, or why it matters in your field."
                        ),
                        "dont": (
                            "Add figures, dates or promises that aren't in the published content, "
                            "even if you heard them in a meeting."
                        ),
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Never remove the #employee disclosure that Chorus adds to your post, "
                            "even when a caption feels long."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Use it wisely, keep secrets safe",
            "slug": "judicious-and-confidential",
            "intro": (
                "Your credibility is what makes your voice valuable, so share selectively and keep "
                "non-public information inside Northwind."
            ),
            "body": [
                (
                    "text",
                    (
                        "<h2>Your credibility is the asset</h2><p>Social capital is the trust and "
                        "goodwill you've built up with the people who follow you. It's the reason "
                        "your posts get read at all, and it's surprisingly easy to spend. If your "
                        "feed suddenly fills up with company announcements, followers start to "
                        "scroll past, then mute, then quietly stop listening. That's bad for you "
                        "and bad for Northwind: a lose-lose.</p><p>So use Chorus "
                        "selectively:</p><ul><li><strong>Keep company posts the minority.</strong> "
                        "Most of what you post should be your own thoughts and useful material "
                        "from around your field. As a rough guide, if more than one post in four "
                        "is Northwind content, slow down.</li><li><strong>Choose posts that earn "
                        "their place.</strong> The best candidates are genuinely interesting, "
                        "entertaining or practically useful: research findings, how-to articles, "
                        "hiring news, a good customer story. A post that only says how great we "
                        "are rarely deserves your reputation.</li><li><strong>Spread things "
                        "out.</strong> Sharing the same launch on three networks within an hour "
                        "looks automated, because it is.</li></ul><p>We curate the library with "
                        "the same idea in mind. If you think a post in Chorus is too promotional "
                        "to be worth sharing, tell the social team; that feedback helps us choose "
                        "better.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h2>What stays inside Northwind</h2><p>Share only content that's already "
                        "published or that appears in the Chorus library. Everything else stays "
                        "inside until it's officially public. In particular, never post "
                        "about:</p><ul><li>unreleased products, features, roadmaps or launch "
                        "dates;</li><li>financial information that hasn't been published, "
                        "including revenue, pipeline, deal sizes and pricing "
                        "negotiations;</li><li>customers or partners, unless Northwind has already "
                        "published the relationship, for example in a case study or press "
                        "release;</li><li>security incidents, vulnerabilities or details of how "
                        "our systems are protected;</li><li>internal documents, dashboards, chat "
                        "messages, or screenshots of any of them;</li><li>colleagues' personal "
                        "information, such as health, family matters or home "
                        "addresses.</li></ul><p>Photos deserve a second look. Whiteboards, "
                        "monitors, sticky notes, visitor badges and printed slides in the "
                        "background have revealed more than many people intended. Crop or retake "
                        "when in doubt.</p><p>Internal conversations belong in internal tools. "
                        "Discuss unreleased work in Slack or other approved workplace channels, "
                        "never in public replies, open groups or personal group chats. If you're "
                        "unsure whether something is public yet, assume it isn't and ask the "
                        "social team first.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Before posting a photo from the office or an event, check the "
                            "background. Whiteboards, screens and badges can reveal far more than "
                            "you meant to share."
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "do": (
                            "Share a mix: mostly your own thoughts and industry reading, with "
                            "Northwind posts when they're genuinely useful to your followers."
                        ),
                        "dont": "Share every post in the library on the day it appears.",
                    },
                ),
                (
                    "do_dont",
                    {
                        "do": (
                            "Point people to the published announcement when they ask for more "
                            "details in the comments."
                        ),
                        "dont": (
                            "Answer questions about unreleased features, pricing deals or "
                            "unannounced customers in public replies."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "The policy and disclosure",
            "slug": "policy-and-disclosure",
            "intro": (
                "Our social media policy sets out a few clear rules, and the most important one is "
                "simple: always make it clear that you work here."
            ),
            "body": [
                (
                    "text",
                    (
                        "<h2>Why we have a policy</h2><p>The social media policy exists to set "
                        "clear expectations, so nobody has to guess where the lines are. It "
                        "protects you as much as it protects Northwind. After this course and the "
                        "quiz, you'll be asked to read it in full and acknowledge it in Chorus. "
                        "Whenever it changes in a way that matters, we'll summarize what changed "
                        "and ask you to acknowledge the new version.</p><p>The main points, in "
                        "short:</p><ul><li>Taking part is <strong>voluntary</strong>, and nobody "
                        "may pressure you to share.</li><li>Your <strong>personal accounts stay "
                        "yours</strong>. We'll never ask for passwords or "
                        "access.</li><li><strong>Disclose</strong> that you work at Northwind "
                        "whenever you share company content.</li><li>Share only <strong>published "
                        "or pre-approved</strong> content.</li><li>Keep <strong>confidential and "
                        "non-public information</strong> inside the company.</li><li>Be "
                        "<strong>respectful</strong>, and remember that your opinions are your "
                        "own: only authorized spokespeople speak for Northwind.</li><li>Protect "
                        "the <strong>privacy</strong> of customers, partners and "
                        "colleagues.</li><li>If you make a <strong>mistake</strong>, fix it "
                        "quickly and tell us.</li></ul>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h2>Disclosure: say who you work for</h2><p>When you share Northwind "
                        "content, your followers deserve to know you have a connection to us. It's "
                        "a matter of honesty, and in many countries consumer protection and "
                        "advertising rules expect people to disclose a material connection to a "
                        "business they promote. Chorus appends <strong>#employee</strong> to every "
                        "share it prepares. Keep it. If you post about Northwind outside Chorus, "
                        "add #employee yourself or say plainly that you work "
                        "here.</p><p>Disclosure works best alongside an up-to-date profile that "
                        "lists Northwind as your employer. Never post anonymous reviews of our "
                        "products or of a competitor's.</p><h3>Speaking for yourself, not for "
                        "Northwind</h3><p>Unless you're an authorized spokesperson, you speak for "
                        "yourself. Avoid phrases like <em>Northwind's position is</em> or <em>we "
                        "will definitely</em> when you're not the one who decides. Adding "
                        "<em>views are my own</em> to your bio is fine, but it doesn't switch off "
                        "the policy.</p><p>If a journalist, analyst or investor asks you a "
                        "question, thank them and pass it to "
                        "<strong>press@northwind.example</strong>. Point unhappy customers in your "
                        "replies to Customer Success. You never have to answer on the spot.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h2>When something goes wrong</h2><p>Mistakes happen: a typo in a figure, "
                        "a photo with a visible whiteboard, a reply posted in a moment of "
                        "irritation. What matters is what you do next.</p><ol><li><strong>Fix it "
                        "quickly.</strong> Delete or correct the post. Don't wait to see whether "
                        "anyone notices.</li><li><strong>Tell the social team</strong> in "
                        "#ask-social or at social@northwind.example, the same day. If confidential "
                        "or security information may be involved, also tell "
                        "security@northwind.example straight away.</li><li><strong>Don't "
                        "argue.</strong> If people react badly, don't get drawn into a public "
                        "back-and-forth. The social team will help with a response if one is "
                        "needed.</li></ol><p>An honest mistake that you report promptly is treated "
                        "as something to learn from, not something to punish. Hiding a problem is "
                        "what turns a small slip into a big one.</p><p>If someone harasses you "
                        "because of your work or because you shared Northwind content, don't "
                        "delete the evidence. Take screenshots, report it to the network and to "
                        "the People team, and we'll support you. Your wellbeing comes before any "
                        "post.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "Getting a question from a journalist, an analyst or an upset "
                            "customer? Thank them and pass it on to press@northwind.example or to "
                            "Customer Success. You don't have to answer on the spot."
                        ),
                    },
                ),
                (
                    "sample_post",
                    {
                        "platform": "linkedin",
                        "author": "Priya Raman, Account Executive",
                        "text": (
                            "Our State of Operations 2026 report is out. The finding that "
                            "surprised me most: nearly six in ten ops leaders say their biggest "
                            "bottleneck isn't tooling, it's the handoffs between teams. Does that "
                            "match what you see?\n"
                            "\n"
                            "https://northwind.example/research/state-of-operations-2026 #employee"
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "do": (
                            "Keep the #employee disclosure on every share, and list Northwind as "
                            "your employer on your profile."
                        ),
                        "dont": (
                            "Announce what Northwind will or won't do, or state an official "
                            "position, unless you're an authorized spokesperson."
                        ),
                    },
                ),
            ],
        },
    ],
    "quiz": {
        "title": "Basic training quiz",
        "slug": "quiz",
        "pass_mark": 75,
        "draw": 8,
        # The lesson teaching each question, in question order (topics to revisit).
        "lessons": [
            "why-your-voice-carries",
            "why-your-voice-carries",
            "audience-and-networks",
            "policy-and-disclosure",
            "judicious-and-confidential",
            "judicious-and-confidential",
            "judicious-and-confidential",
            "easy-and-personal",
            "sharing-is-voluntary",
            "professional-presence",
            "sharing-is-voluntary",
            "audience-and-networks",
            "policy-and-disclosure",
            "judicious-and-confidential",
            "judicious-and-confidential",
            "sharing-is-voluntary",
            "policy-and-disclosure",
            "policy-and-disclosure",
            "policy-and-disclosure",
            "policy-and-disclosure",
        ],
        "questions": [
            {
                "type": "single",
                "text": (
                    "If 100 employees each have around 100 followers, roughly how many people "
                    "could one shared post reach?"
                ),
                "choices": [
                    {"text": "About 200", "correct": False},
                    {"text": "About 1,000", "correct": False},
                    {"text": "About 10,000", "correct": True},
                    {"text": "About 100,000", "correct": False},
                ],
                "explanation": (
                    "100 people with around 100 followers each add up to roughly 10,000 people, "
                    "before anyone reshares the post."
                ),
            },
            {
                "type": "single",
                "text": (
                    "Why do posts shared by employees tend to work better than posts from the "
                    "company account?"
                ),
                "choices": [
                    {
                        "text": (
                            "People trust someone they know more than a brand talking about itself."
                        ),
                        "correct": True,
                    },
                    {"text": "Social networks hide posts from company accounts.", "correct": False},
                    {
                        "text": "Employees are allowed to post more often than companies.",
                        "correct": False,
                    },
                    {"text": "Employee posts always use more hashtags.", "correct": False},
                ],
                "explanation": (
                    "A recommendation from a person comes with their reputation attached, so "
                    "readers give it more weight than a company praising itself."
                ),
            },
            {
                "type": "single",
                "text": (
                    "Which network is usually the best home for Northwind product news, research "
                    "and hiring posts?"
                ),
                "choices": [
                    {"text": "LinkedIn", "correct": True},
                    {"text": "Instagram", "correct": False},
                    {"text": "Facebook", "correct": False},
                    {
                        "text": "None: that kind of news belongs only on the company account.",
                        "correct": False,
                    },
                ],
                "explanation": (
                    "LinkedIn is where people go for work, careers and industry talk, so it's the "
                    "natural fit for most Northwind content."
                ),
            },
            {
                "type": "single",
                "text": "What does Chorus add to your caption automatically when you share a post?",
                "choices": [
                    {
                        "text": "The link to the published content and the #employee disclosure",
                        "correct": True,
                    },
                    {"text": "Your manager's name", "correct": False},
                    {"text": "A list of trending hashtags", "correct": False},
                    {"text": "Nothing: you have to add everything yourself", "correct": False},
                ],
                "explanation": (
                    "Chorus appends the link and #employee for you. The caption itself is yours to "
                    "edit, but the disclosure should always stay."
                ),
            },
            {
                "type": "single",
                "text": (
                    "A journalist replies to your post asking about Northwind's plans for next "
                    "year. What should you do?"
                ),
                "choices": [
                    {
                        "text": "Share what you've heard internally, since they asked politely.",
                        "correct": False,
                    },
                    {
                        "text": "Thank them and pass the question to press@northwind.example.",
                        "correct": True,
                    },
                    {
                        "text": "Reply with Northwind's official position as you understand it.",
                        "correct": False,
                    },
                ],
                "explanation": (
                    "Only authorized spokespeople speak for Northwind. Thank the journalist and "
                    "hand the question to the press team; you don't have to answer on the spot."
                ),
            },
            {
                "type": "single",
                "text": (
                    "You notice that a figure in a post you shared is wrong. What's the best first "
                    "step?"
                ),
                "choices": [
                    {"text": "Leave it and hope nobody notices.", "correct": False},
                    {
                        "text": (
                            "Correct or delete the post quickly and tell the social team the same "
                            "day."
                        ),
                        "correct": True,
                    },
                    {"text": "Wait until someone complains, then apologize.", "correct": False},
                    {
                        "text": "Post a corrected version and leave the original up as well.",
                        "correct": False,
                    },
                ],
                "explanation": (
                    "Fix it quickly and tell the social team in #ask-social or at "
                    "social@northwind.example. Honest mistakes reported promptly are treated as "
                    "something to learn from."
                ),
            },
            {
                "type": "multiple",
                "text": "Which of these must stay inside Northwind? Select all that apply.",
                "choices": [
                    {"text": "An unreleased feature on the product roadmap", "correct": True},
                    {"text": "Revenue figures that haven't been published", "correct": True},
                    {"text": "A screenshot of an internal chat thread", "correct": True},
                    {"text": "The published Relay 5 launch announcement", "correct": False},
                    {"text": "The public careers page", "correct": False},
                ],
                "explanation": (
                    "Roadmaps, unpublished financials and internal messages are all non-public. "
                    "Published announcements and public pages are fine to share."
                ),
            },
            {
                "type": "multiple",
                "text": (
                    "Which of these are good ways to make a suggested caption your own? Select all "
                    "that apply."
                ),
                "choices": [
                    {"text": "Add a sentence about what you worked on.", "correct": True},
                    {
                        "text": "Explain why the news matters to people in your field.",
                        "correct": True,
                    },
                    {
                        "text": "Add a discount you heard about in a sales meeting.",
                        "correct": False,
                    },
                    {"text": "Remove the #employee disclosure to save space.", "correct": False},
                ],
                "explanation": (
                    "Personal context makes a share worth reading. Details that aren't in the "
                    "published content stay out, and the disclosure always stays in."
                ),
            },
            {
                "type": "multiple",
                "text": (
                    "Which of these respect the fact that sharing is voluntary? Select all that "
                    "apply."
                ),
                "choices": [
                    {
                        "text": "Mentioning once in a team meeting that a new post is available",
                        "correct": True,
                    },
                    {
                        "text": "Thanking people who shared, without ranking those who didn't",
                        "correct": True,
                    },
                    {
                        "text": "Messaging colleagues to ask why they haven't shared yet",
                        "correct": False,
                    },
                    {"text": "Counting shares as part of a performance review", "correct": False},
                ],
                "explanation": (
                    "It's fine to let people know a post exists and to thank those who share. "
                    "Chasing people or tying sharing to reviews turns a choice into pressure."
                ),
            },
            {
                "type": "multiple",
                "text": (
                    "Which habits help you build a professional presence? Select all that apply."
                ),
                "choices": [
                    {
                        "text": (
                            "A clear photo and a headline that says what you do and who you help"
                        ),
                        "correct": True,
                    },
                    {
                        "text": "Thoughtful comments on posts from people in your field",
                        "correct": True,
                    },
                    {"text": "Sharing colleagues' work, with credit", "correct": True},
                    {"text": "Sharing every company post on the day it appears", "correct": False},
                    {"text": "Copying company marketing copy into your profile", "correct": False},
                ],
                "explanation": (
                    "Networks grow through a clear profile and generous, consistent engagement. "
                    "Flooding your feed with company posts or sounding like an ad does the "
                    "opposite."
                ),
            },
            {
                "type": "true_false",
                "text": "Your manager may require you to share an important launch post.",
                "choices": [{"text": "True", "correct": False}, {"text": "False", "correct": True}],
                "explanation": (
                    "Sharing is always voluntary. Nobody may require it, count it in a review, or "
                    "single out people who don't share."
                ),
            },
            {
                "type": "true_false",
                "text": (
                    "Skipping a post because your followers wouldn't find it useful is good "
                    "judgment."
                ),
                "choices": [{"text": "True", "correct": True}, {"text": "False", "correct": False}],
                "explanation": (
                    "Audience alignment matters. If a post isn't useful to the people who follow "
                    "you on a network, skipping it protects your credibility."
                ),
            },
            {
                "type": "true_false",
                "text": (
                    "Adding 'views are my own' to your bio means the policy no longer applies to "
                    "what you post."
                ),
                "choices": [{"text": "True", "correct": False}, {"text": "False", "correct": True}],
                "explanation": (
                    "The phrase is fine to use, but it doesn't switch off the policy. "
                    "Confidentiality, respect and disclosure still apply."
                ),
            },
            {
                "type": "true_false",
                "text": (
                    "You may mention a customer by name only if Northwind has already published "
                    "the relationship."
                ),
                "choices": [{"text": "True", "correct": True}, {"text": "False", "correct": False}],
                "explanation": (
                    "Customer names stay private until Northwind has published the relationship, "
                    "for example in a case study or press release."
                ),
            },
            {
                "type": "true_false",
                "text": (
                    "Before posting a photo from the office, you should check the background for "
                    "whiteboards, screens and badges."
                ),
                "choices": [{"text": "True", "correct": True}, {"text": "False", "correct": False}],
                "explanation": (
                    "Backgrounds often reveal more than intended. Crop or retake the photo when in "
                    "doubt."
                ),
            },
            {
                "type": "true_false",
                "text": "Chorus tells your manager which posts you didn't share.",
                "choices": [{"text": "True", "correct": False}, {"text": "False", "correct": True}],
                "explanation": (
                    "Chorus doesn't report who hasn't shared. Taking part is your choice, every "
                    "time."
                ),
            },
            {
                "type": "policy_post",
                "text": "Which of these posts follows the policy?",
                "choices": [
                    {
                        "text": (
                            "Proud of the team behind Relay 5. The new scheduler finally shows a "
                            "whole week of automated work in one place. "
                            "https://northwind.example/news/relay-5-launch #employee"
                        ),
                        "correct": True,
                    },
                    {
                        "text": (
                            "Can't say much, but Relay 6 lands in August with built-in "
                            "forecasting. You heard it here first! #employee"
                        ),
                        "correct": False,
                    },
                    {
                        "text": (
                            "Just tried Relay 5 and honestly, it's the best workflow tool on the "
                            "market. https://northwind.example/news/relay-5-launch"
                        ),
                        "correct": False,
                    },
                    {
                        "text": (
                            "Official statement: Northwind will match any competitor's price for "
                            "the rest of the year. #employee"
                        ),
                        "correct": False,
                    },
                ],
                "explanation": (
                    "The first post shares published news, adds a personal note and keeps the "
                    "disclosure. The others reveal an unreleased roadmap, leave out #employee, or "
                    "speak for the company."
                ),
            },
            {
                "type": "policy_post",
                "text": "Which of these posts about customers follows the policy?",
                "choices": [
                    {
                        "text": (
                            "Team, I'll be checking on Friday who has shared the Harbor & Pine "
                            "story, so don't be the one who forgets! "
                            "https://northwind.example/customers/harbor-and-pine #employee"
                        ),
                        "correct": False,
                    },
                    {
                        "text": (
                            "Huge week: Meridian Bank just signed with us for all of their "
                            "European offices! #employee"
                        ),
                        "correct": False,
                    },
                    {
                        "text": (
                            "Loved reading how Harbor & Pine Logistics cut their month-end close "
                            "from nine days to four. Their story is here: "
                            "https://northwind.example/customers/harbor-and-pine #employee"
                        ),
                        "correct": True,
                    },
                    {
                        "text": (
                            "Harbor & Pine cut their close from nine days to four with Relay. "
                            "Impressive stuff. https://northwind.example/customers/harbor-and-pine"
                        ),
                        "correct": False,
                    },
                ],
                "explanation": (
                    "Only the third post is fine: it uses a published customer story and keeps "
                    "#employee. The others pressure colleagues, name a customer whose deal isn't "
                    "public, or skip the disclosure."
                ),
            },
            {
                "type": "policy_post",
                "text": "Which of these hiring posts follows the policy?",
                "choices": [
                    {
                        "text": (
                            "We're hiring in Berlin because we lost two big accounts last quarter "
                            "and need to rebuild fast. "
                            "https://northwind.example/careers/berlin-engineering #employee"
                        ),
                        "correct": False,
                    },
                    {
                        "text": (
                            "Speaking on behalf of Northwind Labs: our salaries beat every other "
                            "tech company in Berlin. "
                            "https://northwind.example/careers/berlin-engineering #employee"
                        ),
                        "correct": False,
                    },
                    {
                        "text": (
                            "Reminder to my whole team: sharing this job post is expected, and "
                            "I'll be keeping track. "
                            "https://northwind.example/careers/berlin-engineering #employee"
                        ),
                        "correct": False,
                    },
                    {
                        "text": (
                            "My team is hiring backend engineers in Berlin. Happy to answer "
                            "questions about what it's like to work here. "
                            "https://northwind.example/careers/berlin-engineering #employee"
                        ),
                        "correct": True,
                    },
                ],
                "explanation": (
                    "The last post is personal, accurate and disclosed. The others leak non-public "
                    "business information, claim to speak for the company, or pressure colleagues "
                    "to share."
                ),
            },
            {
                "type": "policy_post",
                "text": "Which of these posts about the research report follows the policy?",
                "choices": [
                    {
                        "text": (
                            "Nearly six in ten ops leaders say handoffs, not tools, are their "
                            "biggest bottleneck. Great research! "
                            "https://northwind.example/research/state-of-operations-2026"
                        ),
                        "correct": False,
                    },
                    {
                        "text": (
                            "Our State of Operations 2026 report is out. What surprised me most: "
                            "nearly six in ten ops leaders say handoffs, not tools, are their "
                            "biggest bottleneck. "
                            "https://northwind.example/research/state-of-operations-2026 #employee"
                        ),
                        "correct": True,
                    },
                    {
                        "text": (
                            "Fun fact: the team behind our new report also found a security gap in "
                            "our own systems last month (fixed now). "
                            "https://northwind.example/research/state-of-operations-2026 #employee"
                        ),
                        "correct": False,
                    },
                    {
                        "text": (
                            "Northwind's official position: any ops team that isn't automating by "
                            "2027 will fall behind. "
                            "https://northwind.example/research/state-of-operations-2026 #employee"
                        ),
                        "correct": False,
                    },
                ],
                "explanation": (
                    "The second post quotes a published finding and discloses the connection. The "
                    "others skip #employee, reveal a security incident, or state an official "
                    "company position."
                ),
            },
        ],
    },
}

LINKEDIN_COURSE = {
    "title": "LinkedIn for professionals",
    "slug": "linkedin-for-professionals",
    "summary": (
        "An optional follow-up to the basic training for anyone who wants to get more out of "
        "LinkedIn: a profile that works for you, posts and comments people actually read, and a "
        "network that grows with intent."
    ),
    "lessons": [
        {
            "title": "A profile that works for you",
            "slug": "profile",
            "intro": (
                "Your profile is where people land when a post of yours catches their eye, so make "
                "it clear, current and recognizably yours."
            ),
            "body": [
                (
                    "text",
                    (
                        "<h2>The top of your profile does most of the work</h2><p>Most visitors "
                        "never scroll past the first screen of your profile, so that's where to "
                        "spend your effort.</p><ul><li><strong>Photo:</strong> a recent, well-lit "
                        "picture where your face is easy to see. A phone camera and a plain wall "
                        "are enough.</li><li><strong>Banner:</strong> the wide image behind your "
                        "photo. Something related to your work or your city looks better than the "
                        "empty default. Northwind's brand team keeps a few banners you're welcome "
                        "to use.</li><li><strong>Headline:</strong> up to a couple of lines under "
                        "your name. Rather than just a job title, say what you do and for whom, "
                        "for example <em>Customer Success at Northwind Labs, helping finance teams "
                        "automate month-end</em>.</li><li><strong>Location and contact "
                        "info:</strong> keep them accurate, and share only what you're comfortable "
                        "making public.</li></ul><p>Also set a custom profile address in your "
                        "settings, such as your first and last name. It looks tidier in an email "
                        "signature and is easier to share in person.</p><p>You don't need to "
                        "finish everything in one go. Fifteen minutes on these basics makes a "
                        "bigger difference than an hour polishing the rest.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h2>About, experience and featured</h2><p>Your <strong>About</strong> "
                        "section is a short introduction in your own voice. Three or four "
                        "sentences work well: what you do, the kind of problems you enjoy, and "
                        "what you're curious about right now. Write it the way you'd introduce "
                        "yourself to someone at a conference, not the way a job ad reads.</p><p>In "
                        "<strong>Experience</strong>, describe each role by what changed because "
                        "you were there. <em>Reduced onboarding time for new customers from six "
                        "weeks to three</em> tells a reader more than a list of duties. Keep older "
                        "roles brief.</p><p>The <strong>Featured</strong> section lets you pin a "
                        "few items to the top of your profile: an article you wrote, a talk you "
                        "gave, or a project you're proud of. If you pin Northwind content, choose "
                        "published material you can happily talk about.</p><p>Finally, check your "
                        "profile through a stranger's eyes. LinkedIn lets you view it as the "
                        "public sees it. Remove anything you wouldn't want a customer or a future "
                        "employer to read, and make sure Northwind appears as your current "
                        "employer, since that helps people understand your connection when you "
                        "share our news.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "text": (
                            "Read your headline out loud. If a friend outside tech wouldn't "
                            "understand what you do, simplify it."
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "do": (
                            "Describe each role by the problems you solved and what changed as a "
                            "result."
                        ),
                        "dont": (
                            "List every task you've ever done, or paste in your job description."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Posting and commenting well",
            "slug": "posting-and-commenting",
            "intro": (
                "Good LinkedIn posts lead with the point, sound like a person and invite a "
                "conversation."
            ),
            "body": [
                (
                    "text",
                    (
                        "<h2>Write for the first two lines</h2><p>LinkedIn shows only the opening "
                        "lines of a post before cutting it off with a <em>see more</em> link. "
                        "Those lines decide whether anyone reads the rest, so lead with your "
                        "point, not with a warm-up.</p><ul><li><strong>One idea per post.</strong> "
                        "If you have three things to say, that's three "
                        "posts.</li><li><strong>Short paragraphs.</strong> A line break every "
                        "sentence or two makes a post easy to read on a phone.</li><li><strong>Say "
                        "why a link is worth clicking.</strong> One sentence about what the reader "
                        "will get beats a bare link.</li><li><strong>Go easy on hashtags.</strong> "
                        "Two or three relevant ones at most. Chorus adds #employee for you when "
                        "you share Northwind content.</li><li><strong>Tag people "
                        "thoughtfully.</strong> Tag colleagues or customers only when they'd "
                        "welcome it and when the post is genuinely about them.</li></ul><p>Images "
                        "and short documents often get more attention than text alone, but only "
                        "use visuals you have the right to share and that don't show anything "
                        "confidential in the background.</p><p>There's no perfect time to post. "
                        "Share when you have something worth saying, and be around for an hour or "
                        "so afterward to reply.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h2>Comments are where networks grow</h2><p>A post is the start of a "
                        "conversation, not the end of one. When people comment on your post, reply "
                        "to them, especially early on. A short, genuine answer tells both the "
                        "commenter and everyone reading along that there's a real person on the "
                        "other end.</p><p>Commenting on other people's posts is just as valuable, "
                        "and often easier. Add something: an example from your own work, a "
                        "question, or a respectful counterpoint. Over time, thoughtful comments "
                        "introduce you to people far beyond your own connections.</p><p>A few "
                        "things to steer clear of:</p><ul><li><strong>Arguments.</strong> If a "
                        "thread turns heated, make your point once, politely, and step "
                        "away.</li><li><strong>Engagement groups</strong> that trade likes and "
                        "comments to game the feed. They look artificial, and LinkedIn's rules "
                        "discourage inauthentic activity.</li><li><strong>Answering for "
                        "Northwind.</strong> Questions about pricing, roadmaps, security or press "
                        "inquiries go to the right team, not into a public reply.</li></ul><p>If a "
                        "customer raises a problem in your comments, thank them, don't debate the "
                        "details in public, and point them to Customer Success.</p>"
                    ),
                ),
                (
                    "sample_post",
                    {
                        "platform": "linkedin",
                        "author": "Aisha Karim, Marketing Lead",
                        "text": (
                            "Handoffs, not tools, are the biggest bottleneck for nearly six in ten "
                            "operations leaders.\n"
                            "\n"
                            "That's the headline from our State of Operations 2026 report, and it "
                            "matches what I hear from customers every week. The report has some "
                            "practical ideas for fixing it, too.\n"
                            "\n"
                            "What's the messiest handoff in your team?\n"
                            "\n"
                            "https://northwind.example/research/state-of-operations-2026 #employee"
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "do": (
                            "Open with your main point, then explain it in a few short paragraphs."
                        ),
                        "dont": (
                            "Bury your point under a long preamble, or stack ten hashtags at the "
                            "end."
                        ),
                    },
                ),
            ],
        },
        {
            "title": "Growing your network and sharing Northwind news",
            "slug": "network-and-sharing",
            "intro": (
                "A smaller network of people who know you beats a huge list of strangers, and it "
                "makes the Northwind news you share far more useful."
            ),
            "body": [
                (
                    "text",
                    (
                        "<h2>Connect with intent</h2><p>Your network shapes what you see and who "
                        "sees you. Aim for people you've actually met or worked with, people whose "
                        "work you follow, and people you'd genuinely like to learn "
                        "from.</p><ul><li><strong>Add a note</strong> to connection requests: "
                        "where you met, or why you'd like to connect. One sentence is enough, and "
                        "it makes a request far more likely to be accepted.</li><li><strong>Follow "
                        "rather than connect</strong> when you mainly want to read someone's posts "
                        "and don't know them yet.</li><li><strong>Accept selectively.</strong> "
                        "It's fine to ignore requests from strangers with no obvious connection to "
                        "your work.</li><li><strong>Keep in touch.</strong> Congratulate people on "
                        "new roles, comment on their news and reply to messages, even "
                        "briefly.</li></ul><p>Quality matters more than size. A few hundred "
                        "relevant connections give you a feed worth reading and an audience that "
                        "cares about what you post. Thousands of random ones give you neither.</p>"
                    ),
                ),
                (
                    "text",
                    (
                        "<h2>Sharing Northwind content on LinkedIn</h2><p>When you share from "
                        "Chorus, you're sharing published, approved content with the link and the "
                        "#employee disclosure already attached. A few LinkedIn-specific habits "
                        "make those shares work better.</p><ul><li><strong>Add your own "
                        "words.</strong> A repost with a sentence or two of your thoughts says far "
                        "more than a plain repost, and people are much more likely to read "
                        "it.</li><li><strong>Keep the disclosure.</strong> LinkedIn shows your "
                        "employer on your profile, but people reading a post in their feed won't "
                        "always see it. The #employee tag makes your connection clear right where "
                        "it matters.</li><li><strong>Choose what fits your network.</strong> A "
                        "post about Berlin hiring may suit an engineer with lots of German "
                        "connections better than a salesperson in Chicago.</li><li><strong>Stay "
                        "for the replies.</strong> Answer what you can from the published content, "
                        "and route anything else to the right team.</li></ul><p>Following the "
                        "Northwind Labs company page is optional. It's handy for seeing news "
                        "first, but there's no expectation that you like, comment on or reshare "
                        "anything there.</p>"
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "text": (
                            "Your employer showing on your profile isn't a substitute for "
                            "disclosure. Keep #employee on every post where you share Northwind "
                            "content."
                        ),
                    },
                ),
                (
                    "do_dont",
                    {
                        "do": (
                            "Add a line to each connection request saying where you met or why "
                            "you'd like to connect."
                        ),
                        "dont": (
                            "Send hundreds of blank connection requests to strangers in the hope "
                            "that some accept."
                        ),
                    },
                ),
            ],
        },
    ],
    "quiz": {
        "title": "LinkedIn quiz",
        "slug": "quiz",
        "pass_mark": 80,
        "draw": 5,
        "lessons": [
            "posting-and-commenting",
            "network-and-sharing",
            "profile",
            "network-and-sharing",
            "posting-and-commenting",
            "network-and-sharing",
        ],
        "questions": [
            {
                "type": "single",
                "text": (
                    "LinkedIn shows only the opening lines of a post before a 'see more' link. "
                    "What does that mean for how you write?"
                ),
                "choices": [
                    {"text": "Put your main point first.", "correct": True},
                    {"text": "Start with a long introduction to build suspense.", "correct": False},
                    {"text": "Put all your hashtags at the top.", "correct": False},
                ],
                "explanation": (
                    "The first lines decide whether anyone reads the rest, so lead with the point."
                ),
            },
            {
                "type": "single",
                "text": (
                    "You met someone at a conference and want to connect. What's the best approach?"
                ),
                "choices": [
                    {"text": "Send a blank request and hope they remember you.", "correct": False},
                    {"text": "Add a short note saying where you met.", "correct": True},
                    {
                        "text": "Follow them and comment on all of their old posts first.",
                        "correct": False,
                    },
                    {"text": "Ask a colleague to introduce you by email.", "correct": False},
                ],
                "explanation": (
                    "A one-sentence note about where you met makes your request easy to recognize "
                    "and far more likely to be accepted."
                ),
            },
            {
                "type": "multiple",
                "text": (
                    "Which of these make for a strong headline or About section? Select all that "
                    "apply."
                ),
                "choices": [
                    {"text": "Saying what you do and who you help", "correct": True},
                    {"text": "Writing in your own voice", "correct": True},
                    {"text": "A string of industry buzzwords", "correct": False},
                    {"text": "Your full job description, pasted in", "correct": False},
                ],
                "explanation": (
                    "Plain, personal descriptions of what you do and who you help are clearer than "
                    "buzzwords or a copied job description."
                ),
            },
            {
                "type": "true_false",
                "text": (
                    "Because LinkedIn shows your employer on your profile, you can drop #employee "
                    "when sharing Northwind content there."
                ),
                "choices": [{"text": "True", "correct": False}, {"text": "False", "correct": True}],
                "explanation": (
                    "People reading a post in their feed won't always see your profile. Keep "
                    "#employee on every share of Northwind content."
                ),
            },
            {
                "type": "true_false",
                "text": (
                    "A repost with a sentence or two of your own thoughts usually says more than a "
                    "plain repost."
                ),
                "choices": [{"text": "True", "correct": True}, {"text": "False", "correct": False}],
                "explanation": (
                    "Your own words tell readers why the post matters to you, which is what makes "
                    "them stop and read."
                ),
            },
            {
                "type": "policy_post",
                "text": "Which of these LinkedIn posts follows the policy?",
                "choices": [
                    {
                        "text": (
                            "The call for speakers for Northwind Summit 2026 is open until June "
                            "30. If you've fixed a messy ops process, I'd love to hear your story "
                            "on stage in Lisbon. "
                            "https://northwind.example/summit/call-for-speakers #employee"
                        ),
                        "correct": True,
                    },
                    {
                        "text": (
                            "Between us, the Summit keynote is going to be a huge customer "
                            "announcement I can't name yet. "
                            "https://northwind.example/summit/call-for-speakers #employee"
                        ),
                        "correct": False,
                    },
                    {
                        "text": (
                            "Submit a talk for the Summit, it's the best event in the industry! "
                            "https://northwind.example/summit/call-for-speakers"
                        ),
                        "correct": False,
                    },
                    {
                        "text": (
                            "On behalf of Northwind: every customer who submits a talk is "
                            "guaranteed a speaking slot. "
                            "https://northwind.example/summit/call-for-speakers #employee"
                        ),
                        "correct": False,
                    },
                ],
                "explanation": (
                    "The first post is personal and disclosed. The others hint at a non-public "
                    "customer announcement, leave out #employee, or make a promise on Northwind's "
                    "behalf."
                ),
            },
        ],
    },
}
