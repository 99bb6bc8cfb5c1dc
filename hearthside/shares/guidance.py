"""What the reply screen suggests, by the mode the sharer chose.

"Just listen" offers ways to reflect, name the feeling and ask to hear more,
and nothing that steers towards advice; only "help me think" offers help.
"""

from dataclasses import dataclass

from .models import ShareMode


@dataclass(frozen=True)
class Starter:
    key: str
    label: str
    text: str


@dataclass(frozen=True)
class ReplyGuidance:
    mode: str
    heading: str  # "{name}" is the sharer
    intro: str
    steps: tuple[str, ...]
    starters: tuple[Starter, ...]

    def for_sharer(self, name: str) -> "ReplyGuidance":
        return ReplyGuidance(
            mode=self.mode,
            heading=self.heading.format(name=name),
            intro=self.intro.format(name=name),
            steps=tuple(step.format(name=name) for step in self.steps),
            starters=self.starters,
        )

    def starter(self, key: str | None) -> Starter | None:
        return next((starter for starter in self.starters if starter.key == key), None)


REFLECT = Starter("reflect", "Say back what you heard", "What I'm hearing is ")
NAME_FEELING = Starter("feeling", "Name the feeling", "It makes sense that you'd feel ")
THANK = Starter("thanks", "Thank them for telling you", "Thank you for trusting me with this. ")
STAY_WITH = Starter("with-you", "Let them know you're there", "I'm right here with you. ")
HEAR_MORE = Starter("more", "Ask to hear more", "What was the hardest part of it for you?")
SO_FAR = Starter("so-far", "Ask what they've thought of", "What have you thought about so far?")
OUTCOME = Starter(
    "outcome", "Ask what they hope for", "What would a good outcome look like to you?"
)
OFFER_HELP = Starter(
    "offer", "Offer to help", "Is there anything I could do that would make this easier?"
)

GUIDANCE = {
    ShareMode.LISTEN: ReplyGuidance(
        mode=ShareMode.LISTEN,
        heading="{name} asked you to just listen",
        intro=(
            "Nothing needs fixing right now. Feeling understood is the help {name} is asking for."
        ),
        steps=(
            "Say back what you heard, in your own words.",
            "Name the feeling you sense, and let it be okay.",
            "Ask one gentle question to understand a little more.",
            "Keep your ideas and solutions for another time, even the good ones.",
        ),
        starters=(REFLECT, NAME_FEELING, HEAR_MORE, THANK, STAY_WITH),
    ),
    ShareMode.THINK: ReplyGuidance(
        mode=ShareMode.THINK,
        heading="{name} would like help thinking this through",
        intro="Show you understood first; then think it through together, as a team.",
        steps=(
            "Say back what you heard and name the feeling you sense.",
            "Ask what {name} has thought of before adding your own ideas.",
            "Offer help as a question, one {name} is free to turn down.",
        ),
        starters=(REFLECT, NAME_FEELING, SO_FAR, OUTCOME, OFFER_HELP),
    ),
}


def guidance_for(mode: str) -> ReplyGuidance:
    return GUIDANCE[ShareMode(mode)]
