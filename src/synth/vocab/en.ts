/** English phrase banks (template syntax: see ../template.ts). Mild, non-explicit wording throughout. */

export const POOLS_EN: Readonly<Record<string, readonly string[]>> = {
  adj: ["sweet", "sexy", "petite", "curvy", "gorgeous", "stunning", "playful", "sensual", "classy", "bubbly", "exotic",
    "slim", "busty", "athletic", "tall", "naughty", "elegant", "cute", "thick", "fit", "tanned", "natural", "flirty"],
  noun: ["girl", "lady", "beauty", "babe", "doll", "goddess", "bombshell", "angel", "sweetheart", "companion", "treat"],
  vibe: ["girlfriend experience", "GFE", "relaxing time", "unforgettable time", "sensual massage", "real connection",
    "fun date", "good time", "stress relief", "quality time", "VIP treatment", "little escape"],
  trait: ["easy going", "open minded", "down to earth", "very friendly", "super chill", "bubbly and fun", "shy at first",
    "talkative", "always smiling", "very attentive", "passionate", "patient and gentle", "a great listener"],
  body: ["soft skin", "long legs", "a perfect smile", "big brown eyes", "long hair", "natural curves", "a tiny waist",
    "pretty blue eyes", "a killer body", "a cute booty", "full lips", "silky hair", "tattoos", "dimples"],
  place: ["my clean private place", "my upscale condo", "a discreet hotel", "my cozy apartment", "a safe clean incall",
    "my private suite", "a luxury hotel"],
  greet: ["Hi", "Hey", "Hello", "Hiii", "Hey there", "Hi there", "Hey guys", "Hello gentlemen", "Hi loves", "Heyy"],
  men: ["gentlemen", "guys", "boys", "fellas", "babes", "loves", "handsome", "darlings", "sweeties"],
  closer: ["See you soon", "Can't wait to meet you", "Don't be shy", "Hope to hear from you", "Call me now",
    "Treat yourself", "Come see me", "You won't regret it", "Let's have fun", "Xoxo", "Kisses"],
  youth: ["young", "fresh", "new girl", "petite", "tiny", "sweet young", "innocent looking", "barely 19",
    "just turned 18", "first week", "baby face"],
  emoji: ["💋", "🔥", "💕", "😘", "🌹", "✨", "💦", "🍒", "😍", "💖", "👅", "🍑", "❤️", "😈", "🌸", "⭐"],
};

/** Sentence roles of an independent advertiser's voice; one to three patterns per role are kept per author. */
export const IND_ROLES_EN: Readonly<Record<string, readonly string[]>> = {
  greet: [
    "{@greet} {@men}{!|!!|!!!| :)| ~|...}",
    "{@greet} {@men}, welcome to my ad{!|.| :)}",
    "{Good evening|Good morning|Happy Friday|Hello hello} {@men}{!|.}",
    "{Looking for|Searching for|In need of} {a|some} {@vibe}{?|??|...}",
  ],
  intro: [
    "My name is {$name} and I am a {@adj} {@adj} {$eth} {@noun}.",
    "I'm {$name}, a {@adj} {$eth} {@noun} {here to|ready to|waiting to|happy to} {make your day|spoil you|help you relax|put a smile on your face}.",
    "{$name} here{!|,|.} {$age} {yrs|years old|yo}, {@adj} and {@adj}.",
    "They call me {$name}{.|!} {Independent|Private|Real} {@adj} {$eth} {@noun}, {$age}.",
    "I am {$name}, {your|a} {@adj} {$hair} {@noun} with {@body} and {@body}.",
    "Meet {$name}: {@adj}, {@adj}, {$eth}, {$age} {years young|yrs|and ready}.",
  ],
  looks: [
    "I have {@body}, {@body} and {a warm heart|a sweet personality|a naughty side|a great attitude}.",
    "{Natural|Real|Beautiful} {$hair} with {@body}{.|!}",
    "{$meas}, {$height}, {$weight}{.|!| -} {All natural|100% natural|Real pics|No surprises}.",
    "{Petite|Slim|Curvy|Athletic|Thick} {body|figure|frame} with {@body}{.|!}",
    "You will love my {@body} and {@body}{.|!| 😉}",
  ],
  personality: [
    "I am {@trait} and {@trait}{.|!}",
    "{Very|Super|Really} {@trait}, I love {meeting new people|good conversation|making new friends|to laugh}.",
    "{Everyone says|My friends say|People tell me} I am {@trait}{.|!}",
    "{I'm a|A} {student|nurse in training|yoga lover|artist|fitness girl|foodie|traveller} {by day|on the side|who loves to have fun}{.|!}",
    "I {take my time|never rush|like to connect|love to cuddle} and I {treat you like my boyfriend|make every moment count|aim to please}{.|!}",
  ],
  offer: [
    "I offer {a|the best|an amazing} {@vibe} {in|at} {@place}.",
    "{Come enjoy|Enjoy|Let me give you} {a|an} {@vibe} {with me|tonight|today}{.|!}",
    "{Incall|Incall and outcall|Outcall only|Incall only} {in|around|near} {$spot}{.|!}",
    "{Clean|Private|Safe} incall {near|close to|by} {$spot} {in $city|}{.|!}",
    "{Perfect|Ideal} for {busy professionals|first timers|gentlemen who want more|travellers|married men}{.|!}",
  ],
  rules: [
    "{Please|Kindly} {be respectful|be clean|shower first|no rushing}{.|!}",
    "{No|Absolutely no} {law enforcement|LE|drama|games|time wasters}{.|!}",
    "{Serious clients only|Respectful gentlemen only|Polite men only|Clean guys only}{.|!|!!}",
    "{I screen|Light screening required|Screening is mandatory} {for safety|for everyone's safety|first time}{.|!}",
  ],
  close: [
    "{@closer}{!|!!|.| xo| 😘}",
    "{@closer}, {$name}{!|.| xoxo}",
    "{Text|Call|Message} me {now|anytime|babe} {and let's meet|for details|to book}{!|.}",
  ],
};

/** Phrases every kind of advertiser uses; they carry no authorship signal. */
export const COMMON_PHRASES_EN: readonly string[] = [
  "No rush.", "Clean and discreet.", "Text only, no private numbers.", "100% real pics.", "No blocked calls.",
  "Incall and outcall available.", "Available 24/7.", "Satisfaction guaranteed.", "Discretion assured.",
  "Upscale and classy.", "Not a scam.", "Come relax with me.", "New pics.", "Ask about specials.",
  "No explicit talk over the phone.", "Please text first.", "Serious inquiries only.", "Safe and clean.",
  "Book now!", "Last minute ok.", "Limited time only.", "Mention this ad.", "Real and independent.",
  "Hotel friendly.", "Your secret is safe with me.", "No games.", "Fun and friendly.", "GFE.",
  "Short notice welcome.", "Cash only.", "I do not reply to emails.", "Serious men only.", "Free parking.",
  "Shower available.", "No texts asking for pictures.", "Private and safe.", "Sweet and discreet.",
];

/** Word swaps applied when an advertiser lightly edits her own ad (both directions). */
export const SYNONYMS_EN: readonly (readonly [string, string])[] = [
  ["sweet", "lovely"], ["sexy", "hot"], ["gorgeous", "beautiful"], ["playful", "fun"], ["clean", "tidy"],
  ["discreet", "private"], ["gentlemen", "guys"], ["amazing", "incredible"], ["girl", "lady"], ["relax", "unwind"],
  ["text", "msg"], ["call", "ring"], ["place", "spot"], ["very", "super"], ["really", "so"], ["love", "adore"],
  ["time", "moment"], ["best", "greatest"], ["soon", "shortly"], ["now", "today"], ["nice", "good"],
  ["available", "avail"], ["tonight", "this evening"], ["you", "u"], ["your", "ur"], ["and", "&"],
];

export const TITLE_PATTERNS_EN: readonly string[] = [
  "{@adj} {$eth} {$name} {@emoji}",
  "{$name} - {@adj} {@noun} {in $city|available now|❤️}",
  "{NEW|Back in town|Available now|Last day|Incall}: {$name} {$age}",
  "{@emoji} {$name} {@emoji} {@adj} & {@adj} {@emoji}",
  "{Sweet|Classy|Real|Sexy} {$eth} {@noun} {$name}",
  "{@vibe} with {$name} {@emoji}",
  "{$name} {$age} | {@adj} | {$spot}",
];
