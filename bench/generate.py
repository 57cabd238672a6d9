"""Generate a deterministic corpus of pain-treatment web pages for benchmarking factlint.

The pages look like what a clinic or health blog publishes: Markdown with front matter, headings,
lists, tables, fenced code and links; HTML with a navigation bar, inline styles and scripts, JSON-LD
and a footer. Most prose is neutral (appointments, insurance, what to expect) or honest and full of
the words the rule pack keys on ("not a cure", "relief may last a few weeks", "risk of
dependence", "FDA-approved as an anesthetic"), so the prefilter cannot simply skip it; a few
percent of sentences overclaim. The same seed always gives the same bytes::

    python bench/generate.py --files 500 --kind md --out bench/out/corpus
    python bench/generate.py --files 1 --file-kb 51200 --out bench/out/big      # one 50 MB file

The sentences here were written for the benchmark; they are not the labelled evaluation corpus.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

CONDITIONS = [
    "CRPS", "complex regional pain syndrome", "fibromyalgia", "neuropathic pain", "chronic migraine",
    "phantom limb pain", "diabetic neuropathy", "post-herpetic neuralgia", "chronic back pain",
    "sciatica", "trigeminal neuralgia", "chronic pelvic pain",
]
OTHER_TREATMENTS = [
    "physical therapy", "a nerve block", "gabapentin", "duloxetine", "cognitive behavioural therapy",
    "spinal cord stimulation", "lidocaine infusions", "graded exercise", "acupuncture", "mindfulness training",
]
PLACES = ["Austin", "Denver", "Portland", "Tampa", "Columbus", "Raleigh", "Boise", "Madison"]
NAMES = ["Dr. Patel", "Dr. Nguyen", "Dr. Okafor", "Dr. Lindqvist", "Dr. Romero", "Dr. Haddad"]
WEEKDAYS = ["Thursday", "Friday", "Saturday"]

# Neutral prose: what most of a clinic page is. Some of it still contains anchor words ("pain",
# "patients", "treatment"), as real pages do.
NEUTRAL = [
    "Our clinic in {place} is open from eight in the morning until six in the evening, Monday to {day}.",
    "Parking is free in the garage behind the building, and the entrance is on the ground floor.",
    "Please bring a list of your current medications and any imaging reports to the first visit.",
    "{doctor} has worked in anesthesiology and pain medicine for more than fifteen years.",
    "We accept most major insurance plans, and our billing team can check your coverage in advance.",
    "The first appointment is a consultation of about an hour, with no infusion on that day.",
    "A nurse stays in the room during the whole session and checks blood pressure every few minutes.",
    "You will need someone to drive you home, because you should not drive for the rest of the day.",
    "Light meals are fine the evening before, but please do not eat for six hours before a session.",
    "Wear comfortable clothes with sleeves that roll up easily above the elbow.",
    "Our reception team answers messages within one working day.",
    "Many people with {condition} have tried several approaches before they come to us.",
    "We coordinate care with your primary physician and send a summary after every visit.",
    "Sleep, movement and stress all influence how {condition} feels from one week to the next.",
    "The treatment room has dimmed lights, a reclining chair and headphones for music.",
    "Most sessions last between forty minutes and an hour, plus time to rest afterwards.",
    "Our team includes two anesthesiologists, a psychiatrist, three nurses and a physical therapist.",
    "Keeping a simple diary of pain scores and sleep helps us see what changes over time.",
    "The building is step-free, and wheelchairs are available at the front desk.",
    "Cancellations made at least a day ahead are not charged.",
    "{doctor} completed a fellowship in interventional pain management in {place}.",
    "Telehealth follow-ups are available for patients who live far from the clinic.",
    "Children under sixteen are seen only together with a parent or guardian.",
    "We publish our prices on the fees page, including the cost of the first consultation.",
    "Questions about a bill can be sent to the billing office by email or phone.",
    "Small changes, such as a short daily walk, often make the biggest difference to daily life.",
    "Treatment with {treatment} is often part of the plan alongside any medication.",
    "Your plan is reviewed together with you after the first three sessions.",
    "The waiting room has water, tea and a quiet corner for anyone who feels tired.",
    "We ask every new patient to fill in a short questionnaire before the first visit.",
]

# Honest statements that a naive keyword search would flag: the cue words are all there.
HONEST = [
    "Ketamine is not a cure for {condition}, but it may ease symptoms for a while.",
    "For some patients, relief may last a few weeks before symptoms return.",
    "Like other controlled substances, ketamine carries a risk of dependence, so sessions are supervised.",
    "Ketamine has been FDA-approved as an anesthetic since 1970; its use for {condition} is off-label.",
    "No medication is free of side effects, and ketamine is no exception.",
    "Nausea, dizziness and a feeling of detachment are common during an infusion and usually fade within an hour.",
    "Not everyone responds, and we will tell you honestly if the treatment is not helping.",
    "Studies report that roughly a third to a half of patients feel meaningful relief for a short time.",
    "Relief after an infusion series usually lasts from a few days to several weeks.",
    "Ketamine is not without risk: blood pressure rises during the infusion and is monitored throughout.",
    "Esketamine nasal spray is approved for treatment-resistant depression, not for chronic pain.",
    "We cannot promise results, because responses to ketamine vary widely from person to person.",
    "Long-term effects of repeated infusions are still being studied.",
    "Ketamine is a Schedule III controlled substance because it can be misused.",
    "Some people need booster sessions, and for others the benefit fades after a few weeks.",
    "It is one option among several, and it works best as part of a wider plan with {treatment}.",
    "Evidence for ketamine in {condition} comes mostly from small trials with short follow-up.",
    "If your pain returns, we review the plan with you rather than simply adding more infusions.",
    "Bladder problems have been reported with heavy recreational use, so we ask about urinary symptoms.",
    "The FDA has not approved ketamine for pain; doctors prescribe it off-label, which is legal.",
    "Is ketamine addictive? It can be, which is why it is only given under medical supervision.",
    "Relief is usually partial and temporary rather than complete.",
    "Patients with uncontrolled high blood pressure or a history of psychosis are not suitable for this treatment.",
    "Some patients describe vivid dreams or hallucinations during the infusion; these pass when it ends.",
    "The effect on pain often begins within hours and may last up to three weeks.",
    "Ketamine is less addictive than opioids, but that does not make it risk-free.",
    "A few patients report lasting improvement, but most need further treatment within weeks.",
    "Research into longer-term outcomes is ongoing, and we share new findings with our patients.",
]

# Overclaims: the sentences factlint exists to catch. A few percent of all sentences.
OVERCLAIM = [
    "Ketamine cures {condition} for good.",
    "Our infusions are completely safe and have no side effects.",
    "Relief lasts for months, and often for years.",
    "Ketamine is FDA-approved for chronic pain.",
    "Unlike opioids, ketamine is non-addictive.",
    "We guarantee results for every patient.",
    "Nine out of ten patients are pain-free after one series.",
    "Ketamine is the miracle treatment that finally ends {condition}.",
    "The relief is permanent, so you will never need another infusion.",
    "Ketamine resets the nervous system and eliminates pain forever.",
    "There is no risk of addiction with medical ketamine.",
    "It works for everyone, every time.",
]

CODE_SNIPPETS = [
    ("yaml", "booking:\n  clinic: {place}\n  slots: [09:00, 11:00, 14:00]\n  note: \"Ketamine cures everything\"  # test data\n"),
    ("json", "{{\n  \"service\": \"infusion\",\n  \"claim\": \"100% safe, no side effects\",\n  \"price\": 450\n}}\n"),
    ("sh", "curl -s https://example.invalid/api/slots?clinic={place} | jq '.[] | .time'\n"),
    ("python", "def dose_mg(weight_kg: float) -> float:\n    # 0.5 mg/kg over 40 minutes\n    return 0.5 * weight_kg\n"),
]


class Writer:
    """Produces pages from one seeded random generator: the same seed gives the same corpus."""

    def __init__(self, seed: int, overclaim_rate: float = 0.03, honest_rate: float = 0.30) -> None:
        self.rng = random.Random(seed)
        self.overclaim_rate = overclaim_rate
        self.honest_rate = honest_rate

    def fill(self, template: str) -> str:
        """A template with its slots filled."""
        r = self.rng
        return template.format(
            condition=r.choice(CONDITIONS), place=r.choice(PLACES), doctor=r.choice(NAMES),
            day=r.choice(WEEKDAYS), treatment=r.choice(OTHER_TREATMENTS),
        )

    def sentence(self) -> str:
        """One sentence: overclaiming, honest with trigger words, or neutral."""
        x = self.rng.random()
        if x < self.overclaim_rate:
            pool = OVERCLAIM
        elif x < self.overclaim_rate + self.honest_rate:
            pool = HONEST
        else:
            pool = NEUTRAL
        return self.fill(self.rng.choice(pool))

    def paragraph(self, lo: int = 2, hi: int = 5) -> str:
        """Several sentences."""
        return " ".join(self.sentence() for _ in range(self.rng.randint(lo, hi)))

    def title(self) -> str:
        """A page title."""
        r = self.rng
        return r.choice([
            f"Ketamine for {r.choice(CONDITIONS)}: what to expect",
            f"Living with {r.choice(CONDITIONS)}",
            f"Pain treatment options in {r.choice(PLACES)}",
            f"Questions patients ask about {r.choice(CONDITIONS)}",
            f"How {r.choice(OTHER_TREATMENTS)} fits into a pain plan",
        ])

    def heading(self) -> str:
        """A section heading."""
        return self.rng.choice([
            "What the treatment involves", "Who may benefit", "Risks and side effects", "Preparing for a visit",
            "How long relief lasts", "Costs and insurance", "What the research says", "After the infusion",
            "Our approach", "Frequently asked questions", f"Treating {self.rng.choice(CONDITIONS)}",
        ])

    # -- Markdown -------------------------------------------------------------------------------

    def markdown(self, target: int, index: int) -> str:
        """A Markdown page of about ``target`` characters."""
        r = self.rng
        title = self.title()
        parts = [
            "---\n",
            f'title: "{title}"\n',
            f"description: {self.sentence()}\n",
            f"date: 2024-{1 + index % 12:02d}-{1 + index % 28:02d}\n",
            "layout: post\n",
            f"tags: [pain, {r.choice(['ketamine', 'fibromyalgia', 'crps', 'clinic'])}]\n",
            "---\n\n",
            f"# {title}\n\n",
            self.paragraph(3, 6) + "\n\n",
        ]
        size = sum(map(len, parts))
        while size < target:
            block = self._md_block()
            parts.append(block)
            size += len(block)
        return "".join(parts)

    def _md_block(self) -> str:
        r = self.rng
        kind = r.random()
        if kind < 0.16:
            return f"## {self.heading()}\n\n{self.paragraph()}\n\n"
        if kind < 0.28:
            items = [f"- {self.sentence()}" for _ in range(r.randint(3, 6))]
            if r.random() < 0.3:
                items.insert(2, f"  - {self.sentence()}")
            return "\n".join(items) + "\n\n"
        if kind < 0.34:
            return "".join(f"{i}. {self.sentence()}\n" for i in range(1, r.randint(3, 5))) + "\n"
        if kind < 0.39:
            rows = ["| Option | Typical course | Notes |", "| --- | --- | --- |"]
            for _ in range(r.randint(2, 4)):
                rows.append(f"| {r.choice(OTHER_TREATMENTS)} | {r.randint(2, 12)} sessions | {self.sentence()} |")
            return "\n".join(rows) + "\n\n"
        if kind < 0.44:
            lang, body = r.choice(CODE_SNIPPETS)
            return f"```{lang}\n{self.fill(body)}```\n\n"
        if kind < 0.49:
            return f"> {self.sentence()} {self.sentence()}\n\n"
        if kind < 0.60:
            link = r.choice(["/fees", "/team", "https://example.invalid/research", "/faq#risks", "/contact"])
            return (f"{self.sentence()} See [our {r.choice(['fees', 'team', 'research notes', 'FAQ'])}]({link}) "
                    f"or call `555-0100`. {self.paragraph(1, 3)}\n\n")
        if kind < 0.63:
            return f"![{self.sentence()}](/img/clinic-{r.randint(1, 40)}.jpg)\n\n"
        return (f"{self.paragraph()} *{self.sentence()}* {self.paragraph(1, 2)}\n\n" if r.random() < 0.3
                else f"{self.paragraph()}\n\n")

    # -- HTML -----------------------------------------------------------------------------------

    def html(self, target: int, index: int) -> str:
        """An HTML page of about ``target`` characters."""
        r = self.rng
        title = self.title()
        head = (
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{title} &mdash; {r.choice(PLACES)} Pain Clinic</title>\n"
            f"<meta name=\"description\" content=\"{self.sentence()}\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<style>\nbody { font-family: system-ui, sans-serif; margin: 0; }\n"
            "nav ul { display: flex; gap: 1rem; list-style: none; }\n"
            ".hero { background: #eef4f8; padding: 2rem; }\n.cta { color: #fff; background: #0a6; }\n</style>\n"
            "<script type=\"application/ld+json\">\n"
            "{\"@context\": \"https://schema.org\", \"@type\": \"MedicalClinic\", "
            f"\"name\": \"{r.choice(PLACES)} Pain Clinic\", \"slogan\": \"Pain-free for good\"}}\n</script>\n"
            "</head>\n<body>\n<header>\n<nav>\n<ul>\n"
            "  <li><a href=\"/\">Home</a></li>\n  <li><a href=\"/treatments\">Treatments</a></li>\n"
            "  <li><a href=\"/team\">Our team</a></li>\n  <li><a href=\"/fees\">Fees &amp; insurance</a></li>\n"
            "  <li><a href=\"/contact\">Contact</a></li>\n</ul>\n</nav>\n</header>\n"
            f"<main>\n<article>\n<h1>{title}</h1>\n<p class=\"hero\">{self.paragraph(2, 4)}</p>\n"
        )
        tail = (
            "</article>\n</main>\n<footer>\n"
            f"<p>&copy; 2024 {r.choice(PLACES)} Pain Clinic &middot; <a href=\"/privacy\">Privacy</a> &middot; "
            "<a href=\"/terms\">Terms</a></p>\n"
            "<p>This page is for information only and does not replace advice from your own doctor.</p>\n"
            "</footer>\n<script>\nwindow.dataLayer = window.dataLayer || [];\n"
            "function gtag(){dataLayer.push(arguments);}\ngtag('js', new Date());\n"
            f"document.querySelectorAll('.cta').forEach(b => b.addEventListener('click', () => gtag('event', 'book_{index}')));\n"
            "</script>\n</body>\n</html>\n"
        )
        parts = [head]
        size = len(head) + len(tail)
        while size < target:
            block = self._html_block()
            parts.append(block)
            size += len(block)
        parts.append(tail)
        return "".join(parts)

    def _html_block(self) -> str:
        r = self.rng
        kind = r.random()
        if kind < 0.18:
            return f"<h2>{self.heading()}</h2>\n<p>{self.paragraph()}</p>\n"
        if kind < 0.32:
            items = "".join(f"  <li>{self.sentence()}</li>\n" for _ in range(r.randint(3, 6)))
            return f"<ul>\n{items}</ul>\n"
        if kind < 0.38:
            rows = "".join(
                f"  <tr><td>{r.choice(OTHER_TREATMENTS)}</td><td>{r.randint(2, 12)}&nbsp;sessions</td>"
                f"<td>{self.sentence()}</td></tr>\n" for _ in range(r.randint(2, 4))
            )
            return f"<table>\n  <tr><th>Option</th><th>Course</th><th>Notes</th></tr>\n{rows}</table>\n"
        if kind < 0.43:
            return f"<blockquote><p>{self.sentence()}</p></blockquote>\n"
        if kind < 0.48:
            return (f"<figure><img src=\"/img/room-{r.randint(1, 30)}.jpg\" alt=\"{self.sentence()}\">"
                    f"<figcaption>{self.sentence()}</figcaption></figure>\n")
        if kind < 0.52:
            return "<pre><code>" + self.fill(r.choice(CODE_SNIPPETS)[1]).replace("<", "&lt;") + "</code></pre>\n"
        if kind < 0.62:
            return (f"<p>{self.sentence()} <a href=\"/faq\">Read the FAQ</a> or "
                    f"<strong>{self.sentence()}</strong> {self.paragraph(1, 2)}</p>\n")
        if kind < 0.65:
            return "<div class=\"cta\"><a href=\"/book\">Book a consultation</a></div>\n"
        return f"<p>{self.paragraph()}</p>\n"


def generate(out: Path, files: int, kind: str = "md", file_kb: float = 10.0, seed: int = 1,
             per_dir: int = 100) -> tuple[int, int]:
    """Write ``files`` pages under ``out`` (``per_dir`` per folder); return (files, bytes).

    ``kind`` is ``md``, ``html`` or ``mixed`` (two Markdown pages to one HTML page). Page sizes
    vary around ``file_kb`` (from 0.6x to 1.4x) unless there is a single file, which gets exactly
    that size (give or take a block).
    """
    writer = Writer(seed)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(files):
        scale = 1.0 if files == 1 else writer.rng.uniform(0.6, 1.4)
        target = int(file_kb * 1024 * scale)
        page_kind = kind if kind != "mixed" else ("html" if i % 3 == 2 else "md")
        text = writer.html(target, i) if page_kind == "html" else writer.markdown(target, i)
        folder = out / f"section-{i // per_dir:03d}" if files > per_dir else out
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"page-{i:05d}.{page_kind}").write_bytes(data)
        total += len(data)
    return files, total


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--files N --kind md|html|mixed --out DIR [--file-kb K] [--seed S]``."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=500, help="how many pages (default 500)")
    ap.add_argument("--kind", choices=["md", "html", "mixed"], default="md", help="page format (default md)")
    ap.add_argument("--file-kb", type=float, default=10.0, help="average page size in KB (default 10)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", type=Path, required=True, help="output directory")
    args = ap.parse_args(argv)
    n, size = generate(args.out, args.files, args.kind, args.file_kb, args.seed)
    print(f"{n} files, {size / 1e6:.2f} MB in {args.out}")


if __name__ == "__main__":
    main()
