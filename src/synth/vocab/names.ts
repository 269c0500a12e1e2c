/** Given names, stage names, ethnicity words and agency-name parts. Common words only; no real people. */

export const GIVEN_NAMES: readonly string[] = [
  "Jade", "Mia", "Chloe", "Emma", "Sophia", "Ava", "Lily", "Bella", "Grace", "Olivia", "Zoe", "Ruby", "Ella",
  "Nina", "Luna", "Aria", "Maya", "Sasha", "Tiffany", "Crystal", "Amber", "Diamond", "Candy", "Kitty", "Angel",
  "Bianca", "Carmen", "Daisy", "Eva", "Fiona", "Gina", "Hannah", "Ivy", "Jasmine", "Kayla", "Lola", "Monica",
  "Natalie", "Paige", "Rosa", "Sara", "Tara", "Vanessa", "Violet", "Yuki", "Mei", "Lina", "Anna", "Alexa",
  "Bree", "Cleo", "Dana", "Erica", "Holly", "Isabel", "Jenna", "Kim", "Layla", "Melody", "Nikki", "Penny",
  "Roxy", "Stella", "Summer", "Trinity", "Valentina", "Willow", "Xena", "Yasmin", "Zara", "Scarlett", "Skye",
  "Destiny", "Honey", "Cherry", "Star", "Brooke", "Leah", "Megan", "Sofia", "Camila", "Gabriela", "Mariana",
  "Natasha", "Katya", "Alina", "Vika", "Lana", "Mina", "Hana", "Suki", "Lucy", "Coco", "Remy", "Jolie",
];

export const FRENCH_NAMES: readonly string[] = [
  "Camille", "Chloé", "Léa", "Manon", "Élodie", "Juliette", "Maude", "Noémie", "Océane", "Rosalie", "Sophie",
  "Audrey", "Emilie", "Gabrielle", "Mélissa", "Justine", "Marie-Ève", "Coralie", "Jade", "Laurence", "Annabelle",
];

export const ETHNICITIES: readonly string[] = [
  "Asian", "Latina", "Ebony", "Russian", "Brazilian", "Korean", "Thai", "Filipina", "Colombian", "Indian",
  "Middle Eastern", "French Canadian", "Ukrainian", "Caribbean", "Mixed", "Persian", "Japanese", "Chinese",
  "Vietnamese", "Italian", "Spanish", "Portuguese", "Jamaican", "Indigenous", "Greek", "Polish", "Irish",
];

export const ETHNICITIES_FR: readonly string[] = [
  "québécoise", "latina", "asiatique", "française", "haïtienne", "colombienne", "russe", "brésilienne", "métisse",
  "libanaise", "marocaine", "italienne",
];

export const HAIR: readonly string[] = ["blonde", "brunette", "redhead", "black-haired", "honey blonde", "raven-haired"];

export const AGENCY_WORDS_A: readonly string[] = [
  "Elite", "Velvet", "Diamond", "Royal", "Platinum", "Secret", "Golden", "Midnight", "Luxe", "Crystal", "Ivory",
  "Scarlet", "Silk", "Starlight", "Crown", "Sapphire", "Orchid", "Premier",
];
export const AGENCY_WORDS_B: readonly string[] = [
  "Touch", "Companions", "Angels", "Escorts", "Models", "Dolls", "Ladies", "Affairs", "Rose", "Encounters",
  "Agency", "Club", "Girls", "Society",
];

export const HANDLE_WORDS: readonly string[] = [
  "kisses", "sweet", "baby", "xo", "luv", "honey", "doll", "angel", "babe", "love", "cutie", "star", "vip",
  "real", "official", "bby", "mami", "queen", "princess", "glam",
];

export const EMAIL_DOMAINS: readonly string[] = [
  "gmail.com", "hotmail.com", "outlook.com", "yahoo.ca", "yahoo.com", "protonmail.com", "icloud.com", "live.ca",
];
