/** Phrase banks for agencies, trafficking-like networks and scam posters. */

/** Trafficking-like network templates: third person, youthful cues, slots for the person(s) and the stop. */
export const TRAF_ROLES: Readonly<Record<string, readonly string[]>> = {
  head: [
    "{NEW|New girl|Just arrived|Brand new|Fresh} in {$city}{!!|!!!| 🔥|!}",
    "{$eth} {@youth} {$name} {$age}{!!| 🔥🔥|!!!}",
    "{Only here|In town} {for a few days|this week only|until Sunday} {in $city|}{!!|!}",
    "{Top|Best|Hottest} {@youth} {girls|ladies|models} in {$city}",
  ],
  intro: [
    "{She is|Her name is} {$name}, {a|our} {@youth} {$eth} {girl|beauty|doll} {$age} {yrs|years|yo}.",
    "{My|Our} {girls|ladies} are {@youth}, {@adj} and {very|super|always} {friendly|sweet|obedient|eager to please}.",
    "{$name} is {$age}, {@adj} {and|&} {@youth}, {first time|first week|new} {in $city|on this site|in town}.",
    "{Meet|Say hi to} {$name} {($age)|- $age yo|$age yrs} {@emoji} {she|this girl} {is|will be} {your|the} {@vibe}.",
  ],
  looks: [
    "{She has|With} {@body} and {@body}{.|!}",
    "{$meas} {|,} {$height}{,|} {petite|tiny|slim} {body|figure}.",
    "{Real|100% real|Recent} {pics|photos}{!|.} {$eth} {doll|girl} with {@body}.",
  ],
  offer: [
    "{Incall|Incall only|Incall and outcall} {in|at} {a|our} {hotel|condo|private place} {near|by|in} {$spot}.",
    "{She|My girl|Our girl} {does|offers|will give you} {@vibe} {and more|no rush|every time}.",
    "{Many|Different|New} girls {every week|to choose|available}, {ask for|text for} {pics|menu|more}.",
    "{She does not|She doesn't|They do not} {speak much English|text|talk on phone}, {text only|text me|I book for her}.",
  ],
  rules: [
    "{No|Absolutely no} {cops|LE|black men|blocked numbers|private numbers}{.|!}",
    "{Text|Txt} only{!|.} {No calls|I don't answer calls|No private numbers}.",
    "{Cash|Cash only|Payment upfront}{.|!} {No bargaining|No negotiating|Prices firm}.",
  ],
  contact: [
    "{Text|Txt|Call or text} {now|today|babe} {$phone}",
    "{Book|Booking} {now|here}: {$phone}",
    "{$phone} {text only|txt|📱|☎️}",
  ],
};

export const TRAF_DUO: readonly string[] = [
  "{2 girls|Two girls|Duo|Two friends} {available|together}: {$name2} ({$age2}) {and|&} {$name3} ({$age3}){!|!!}",
  "{$name2} {and|&} {$name3}, {$age2} {and|&} {$age3}, {duo|double} available{!|.}",
];

export const AGENCY_FOOTERS: readonly string[] = [
  "{$agency} — {the city's|$city's|Canada's} {premier|most trusted|finest} {escort agency|companion service} {since 2012|since 2016|since 2019|}. {Outcall only|Incall & outcall|Hotel outcalls} 24/7. {Book|Call|Bookings}: {$phone} {$web}",
  "Booking through {$agency} {only|}. {Discreet|Professional|Reliable} {service|booking} {since 2014|24/7|every day}. {$phone} • {$web}",
  "{*|~|•} {$agency} {*|~|•} {Verified|Screened|Professional} {companions|models|ladies} {|for discerning gentlemen} {*|~|•} {$phone} {$web}",
  "To book {$name} or any of our {ladies|models|companions} call {the desk|our receptionist|dispatch} at {$phone}. {$agency}, {$web}",
];

export const AGENCY_PROFILE: readonly string[] = [
  "Meet {$name}, our {@adj} {$eth} {@noun}.",
  "{$name} is {@trait} and {@trait}{.|!}",
  "{She|$name} {has|offers} {@body} and {@body}{.|!}",
  "{$name} ({$age}) {provides|offers|loves to give} {a|an} {@vibe}.",
  "{$meas}, {$height}, {$hair}.",
  "{Perfect|Ideal} {companion|date} for {dinner dates|business trips|a night out|a quiet evening}.",
  "{Available|Booking} {$avail}.",
];

export const SCAM_TEMPLATES: readonly string[] = [
  "{Hey|Hi} {babe|hun|handsome} I'm {$name} 😘 {100% real|real and verified|no fake} {pics|girl}. {Because of|Due to} {too many|lots of} {fake bookings|no shows|time wasters} I {require|ask for} a {small|$50|$100} deposit {via|by} {e-transfer|gift card|Apple gift card|Bitcoin} {before we meet|to confirm}. {After deposit|Once confirmed} I {send|will send} {my address|the location|my room number}. {Text|Email|Contact} me {$contact}",
  "{VERIFIED|REAL|LEGIT} {GIRL|PROVIDER}!! {I'm|Im} {$name} {visiting|new in} {$city} {this week|for 2 days}. {Full service|GFE} {special|promo} {today only|tonight}! {Deposit|Small deposit} {required|needed} {to secure|to book} {your|the} {spot|appointment} (e-transfer {only|accepted}). {Contact|Reach me|Text} {$contact}",
  "{Lonely|Bored|Looking for fun}? {I'm|Im} {$name}, {$age} {yo|years old}, {sweet|cute} {and|&} {real|genuine}. {I do|Offering} {incall|outcall} {and|&} {video chat|cam sessions} {too|as well}. {Add me|Message me|Contact me} {on|at} {$contact} {for pics|for a surprise|for details} {😘|💋|🔥}",
  "{CHEAP|LOW PRICE|SPECIAL} {$$$|rates} {only today|tonight}!! {$name} {in|at} {$city} {100% satisfaction|no rush|real pictures}. {Pay|Payment} {first|upfront} {by|with} {gift card|Steam card|crypto|PayPal} {for verification|to confirm}. {$contact}",
];

export const WEB_SUFFIXES: readonly string[] = [".example", ".example.com", ".example.ca"];
