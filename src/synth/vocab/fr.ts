/** French (Québec) phrase banks, same roles as the English ones. */

export const POOLS_FR: Readonly<Record<string, readonly string[]>> = {
  adj: ["douce", "sexy", "petite", "pulpeuse", "magnifique", "coquine", "sensuelle", "élégante", "pétillante", "mince",
    "ravissante", "naturelle", "chaleureuse", "belle", "souriante", "joueuse", "exotique"],
  noun: ["fille", "femme", "beauté", "poupée", "déesse", "chérie", "compagne"],
  vibe: ["expérience petite amie", "GFE", "moment de détente", "massage sensuel", "moment inoubliable",
    "belle rencontre", "pause relaxante", "soirée agréable"],
  trait: ["facile d'approche", "ouverte d'esprit", "très gentille", "drôle", "attentionnée", "timide au début",
    "toujours souriante", "passionnée", "douce et patiente"],
  body: ["une peau douce", "de longues jambes", "un beau sourire", "de grands yeux bruns", "des courbes naturelles",
    "une taille fine", "de beaux cheveux longs", "des tatouages", "des fossettes"],
  place: ["mon appartement propre et discret", "un hôtel discret", "mon condo", "un endroit privé et sécuritaire"],
  greet: ["Salut", "Bonjour", "Allo", "Coucou", "Bonsoir", "Hey"],
  men: ["messieurs", "les gars", "mes chéris", "beaux messieurs", "mon beau"],
  closer: ["À bientôt", "Au plaisir de te rencontrer", "Gêne-toi pas", "Écris-moi", "Bisous", "Tu ne le regretteras pas"],
  emoji: ["💋", "🔥", "💕", "😘", "🌹", "✨", "😍", "💖", "🌸", "⭐", "⚜️"],
};

export const IND_ROLES_FR: Readonly<Record<string, readonly string[]>> = {
  greet: [
    "{@greet} {@men}{!|!!| :)|...}",
    "{@greet} {@men}, bienvenue sur mon annonce{!|.}",
    "{Tu cherches|Besoin d'} {un|une} {@vibe}{?|??|...}",
  ],
  intro: [
    "Je m'appelle {$name}, {une|la} {@noun} {@adj} et {@adj} de {$age} ans.",
    "Moi c'est {$name}{!|,} {@adj} {$eth} de {$age} ans.",
    "{$name} ici{!|.} {Indépendante|Vraie|Nouvelle} {@noun} {@adj}, {$age} ans.",
    "Je suis {$name}, {@adj} avec {@body} et {@body}.",
  ],
  looks: [
    "J'ai {@body}, {@body} et {un grand coeur|une belle personnalité|un petit côté coquin}.",
    "{$meas}, {$height}{.|!} {Toute naturelle|100% naturelle|Vraies photos}.",
    "{Petite|Mince|Pulpeuse|Sportive} avec {@body}{.|!}",
  ],
  personality: [
    "Je suis {@trait} et {@trait}{.|!}",
    "{On dit que|Mes amis disent que} je suis {@trait}{.|!}",
    "J'adore {les belles conversations|rire|rencontrer du monde|prendre mon temps}{.|!}",
  ],
  offer: [
    "J'offre {un|le meilleur} {@vibe} {dans|à} {@place}.",
    "{Incall|Incall et outcall|Outcall seulement} {près de|proche de|à} {$spot}{.|!}",
    "{Parfait|Idéal} pour {les hommes d'affaires|une première fois|les voyageurs}{.|!}",
  ],
  rules: [
    "{Respect|Hygiène|Discrétion} {obligatoire|exigé|avant tout}{.|!}",
    "{Pas de|Aucun} {numéro privé|police|niaisage|perte de temps}{.|!}",
    "{Hommes respectueux seulement|Sérieux seulement|Clients polis seulement}{.|!}",
  ],
  close: [
    "{@closer}{!|.| xx| 😘}",
    "{@closer}, {$name}{!|.| xoxo}",
    "{Texte|Appelle|Écris}-moi {maintenant|quand tu veux} {pour réserver|pour les détails}{!|.}",
  ],
};

export const COMMON_PHRASES_FR: readonly string[] = [
  "Pas pressée.", "Propre et discrète.", "Texto seulement, pas de numéros privés.", "Vraies photos 100%.",
  "Disponible 24/7.", "Discrétion assurée.", "Incall et outcall.", "Pas de niaisage.", "Sérieux seulement.",
  "Dernière minute ok.", "Argent comptant seulement.", "Stationnement gratuit.",
];

export const SYNONYMS_FR: readonly (readonly [string, string])[] = [
  ["douce", "gentille"], ["belle", "jolie"], ["discrète", "privée"], ["magnifique", "superbe"], ["moment", "temps"],
  ["adore", "aime"], ["maintenant", "tout de suite"], ["texte", "écris"], ["très", "super"], ["et", "&"],
];

export const TITLE_PATTERNS_FR: readonly string[] = [
  "{@adj} {$name} {@emoji}",
  "{$name} - {@adj} {@noun} {à $city|disponible|❤️}",
  "{NOUVELLE|De retour|Disponible maintenant}: {$name} {$age} ans",
  "{@emoji} {$name} {@emoji} {@adj} et {@adj}",
];
