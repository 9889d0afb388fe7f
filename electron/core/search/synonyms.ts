// Runs: node (core). The project's synonym list, written by us for a general grocery / drugstore
// / household store. Two kinds of entries:
//   - equivalents: words shoppers use interchangeably (regional, brand-as-generic, spelling);
//   - needs: what a shopper says they want to do or fix, mapped to the kinds of products that do it
//     ("something for a headache" → pain relievers). Needs are one-way: "aspirin" does not mean
//     "headache".
// Phrases are matched after normalisation and plural folding, so list singular or plural freely.
import { STOPWORDS, stems } from './text.ts';

/** Stems without query stopwords: queries lose their stopwords before phrases are looked up. */
function words(s: string): string[] {
  return stems(s).filter((w) => !STOPWORDS.has(w));
}

const EQUIVALENTS: string[][] = [
  ['soda', 'pop', 'soft drink', 'cola'],
  ['sparkling water', 'seltzer', 'soda water', 'fizzy water', 'carbonated water'],
  ['chips', 'crisps'],
  ['cookie', 'biscuit'],
  ['candy', 'sweets', 'lollies'],
  ['toilet paper', 'bath tissue', 'toilet tissue', 'loo roll', 'tp'],
  ['paper towel', 'kitchen roll'],
  ['trash bag', 'garbage bag', 'bin bag', 'bin liner'],
  ['dish soap', 'dishwashing liquid', 'washing up liquid', 'dish detergent'],
  ['laundry detergent', 'washing powder', 'laundry soap'],
  ['diaper', 'nappy'],
  ['pacifier', 'dummy', 'soother'],
  ['acetaminophen', 'paracetamol', 'tylenol'],
  ['ibuprofen', 'advil', 'motrin'],
  ['antihistamine', 'allergy relief', 'allergy medicine'],
  ['bandage', 'band aid', 'plaster', 'bandaid'],
  ['cotton swab', 'q tip', 'cotton bud'],
  ['sunscreen', 'sunblock', 'sun cream', 'spf'],
  ['moisturizer', 'moisturiser', 'lotion'],
  ['yogurt', 'yoghurt'],
  ['ground beef', 'minced beef', 'hamburger meat'],
  ['zucchini', 'courgette'],
  ['eggplant', 'aubergine'],
  ['cilantro', 'coriander'],
  ['garbanzo', 'chickpea'],
  ['scallion', 'green onion', 'spring onion'],
  ['bell pepper', 'capsicum'],
  ['flashlight', 'torch'],
  ['light bulb', 'lightbulb', 'bulb'],
  ['earbud', 'earphone', 'headphone'],
  ['power bank', 'portable charger', 'battery pack'],
  ['phone charger', 'charging cable', 'charger'],
  ['plastic wrap', 'cling film'],
  ['aluminum foil', 'tin foil', 'aluminium foil'],
  ['ice cream', 'icecream'],
  ['popsicle', 'ice pop', 'ice lolly'],
  ['french fries', 'fries'],
  ['oatmeal', 'porridge', 'oats'],
  ['jam', 'jelly', 'preserves', 'fruit spread'],
  ['peanut butter', 'pb'],
  ['mac and cheese', 'macaroni cheese', 'mac n cheese'],
  ['hot dog', 'frankfurter', 'wiener'],
  ['soy', 'soya'],
  ['lactose free', 'lactosefree'],
  ['gluten free', 'glutenfree', 'celiac'],
  ['dairy free', 'non dairy', 'nondairy'],
  ['vitamin', 'multivitamin', 'supplement'],
  ['kitty litter', 'cat litter'],
  ['dog food', 'dog kibble'],
  ['cat food', 'cat kibble'],
  ['deodorant', 'antiperspirant'],
  ['razor', 'shaver'],
  ['tissue', 'kleenex'],
  ['sanitary pad', 'feminine pad', 'period pad', 'maxi pad'],
  ['coffee pod', 'k cup', 'coffee capsule'],
  ['cereal bar', 'granola bar'],
  ['sparkling wine', 'champagne', 'prosecco'],
];

const NEEDS: Array<[string[], string[]]> = [
  [['headache', 'migraine', 'pain', 'ache', 'aching', 'fever', 'sore muscle', 'back pain', 'toothache', 'cramps'],
    ['pain reliever', 'pain relief', 'acetaminophen', 'ibuprofen', 'aspirin', 'naproxen', 'analgesic']],
  [['cold', 'flu', 'cough', 'sore throat', 'congestion', 'stuffy nose', 'runny nose', 'blocked nose', 'sneezing'],
    ['cold flu', 'cold relief', 'flu relief', 'cough syrup', 'cough drop', 'lozenge', 'decongestant', 'nasal spray', 'throat']],
  [['allergy', 'allergies', 'hay fever', 'itchy eyes'], ['antihistamine', 'allergy relief', 'loratadine', 'cetirizine', 'allergy']],
  [['heartburn', 'indigestion', 'upset stomach', 'stomach ache', 'acid reflux'], ['antacid', 'digestion', 'heartburn relief', 'acid reducer']],
  [['cut', 'scrape', 'wound', 'blister', 'burn'], ['bandage', 'first aid', 'antibiotic ointment', 'gauze']],
  [['sleep', 'insomnia', 'trouble sleeping', 'cant sleep'], ['melatonin', 'sleep aid', 'sleep']],
  [['constipation'], ['laxative', 'stool softener', 'fiber']],
  [['dry skin', 'itchy skin', 'chapped'], ['lotion', 'moisturizer', 'body lotion', 'skin care']],
  [['sunburn'], ['aloe', 'after sun', 'sunscreen']],
  [['bad breath'], ['mouthwash', 'mint', 'gum']],
  [['wash dish', 'washing dish', 'dirty dish', 'clean dish', 'do the dish', 'dish'], ['dish soap', 'dish detergent', 'dishwashing', 'dishwasher detergent', 'dish detergents']],
  [['wash clothes', 'washing clothes', 'do laundry', 'laundry', 'clean clothes', 'dirty clothes'], ['laundry detergent', 'laundry', 'fabric softener', 'stain remover']],
  [['clean bathroom', 'clean kitchen', 'clean house', 'cleaning', 'disinfect', 'clean floor', 'clean counter'],
    ['cleaner', 'cleaning product', 'disinfecting wipe', 'all purpose cleaner', 'bleach']],
  [['wash hair', 'dandruff'], ['shampoo', 'conditioner', 'hair care']],
  [['brush teeth', 'clean teeth', 'teeth'], ['toothpaste', 'toothbrush', 'oral hygiene', 'floss']],
  [['shave', 'shaving'], ['razor', 'shaving cream', 'shave gel', 'shave needs']],
  [['body odor', 'smell', 'sweat'], ['deodorant', 'antiperspirant']],
  [['wash hand', 'germ', 'germs'], ['hand soap', 'hand sanitizer', 'soap']],
  [['baby', 'newborn', 'infant', 'toddler'], ['diaper', 'baby wipe', 'baby food', 'infant formula', 'baby']],
  [['puppy', 'dog'], ['dog food', 'dog treat', 'dog']],
  [['kitten', 'cat'], ['cat food', 'cat litter', 'cat treat', 'cat']],
  [['thirsty', 'drink', 'something to drink', 'beverage'], ['water', 'juice', 'soda', 'sparkling water', 'sport drink', 'tea']],
  [['hangover', 'dehydrated', 'hydration', 'hydrate'], ['sport drink', 'electrolyte', 'water', 'coconut water']],
  [['energy', 'tired', 'wake up', 'caffeine'], ['coffee', 'energy drink', 'tea', 'cold brew']],
  [['breakfast'], ['cereal', 'oatmeal', 'granola', 'pancake', 'breakfast']],
  [['sandwich', 'lunch'], ['bread', 'lunch meat', 'sliced cheese', 'peanut butter', 'deli']],
  [['snack', 'snacks', 'munchies', 'hungry'], ['chips', 'crackers', 'cookie', 'nuts', 'popcorn', 'snack', 'bar']],
  [['dessert', 'something sweet', 'sweet tooth'], ['ice cream', 'cookie', 'chocolate', 'candy', 'cake', 'dessert']],
  [['party', 'birthday'], ['chips', 'soda', 'paper plate', 'cake', 'candle', 'napkin']],
  [['bbq', 'barbecue', 'grill', 'grilling', 'cookout'], ['barbecue sauce', 'charcoal', 'hot dog', 'hamburger', 'bun', 'marinade']],
  [['bake', 'baking', 'cake'], ['flour', 'sugar', 'baking soda', 'baking powder', 'cake mix', 'baking']],
  [['spicy', 'hot'], ['hot sauce', 'chili', 'salsa', 'jalapeno', 'sriracha']],
  [['smoothie'], ['frozen fruit', 'yogurt', 'protein powder', 'banana', 'berry']],
  [['vegan', 'vegetarian', 'meatless', 'plant protein'], ['tofu', 'meat alternative', 'plant based', 'vegan', 'veggie burger', 'tempeh']],
  [['power outage', 'blackout', 'dark'], ['flashlight', 'battery', 'candle']],
  [['remote', 'remote control', 'smoke alarm', 'smoke detector'], ['battery']],
  [['charge phone', 'charge my phone', 'phone dead', 'phone'], ['charger', 'charging cable', 'power bank', 'usb c cable', 'lightning cable']],
  [['music', 'listen'], ['headphone', 'earbud', 'speaker']],
  [['lamp', 'light'], ['light bulb', 'led bulb']],
  [['wrap food', 'leftover', 'leftovers', 'store food'], ['food storage', 'plastic wrap', 'aluminum foil', 'storage bag', 'container']],
  [['garbage', 'trash', 'rubbish'], ['trash bag', 'garbage bag', 'bin liner']],
  [['stink', 'odor', 'smelly room'], ['air freshener', 'candle', 'odor eliminator']],
  [['period', 'menstrual'], ['tampon', 'pad', 'feminine care']],
  [['workout', 'gym', 'protein'], ['protein powder', 'protein bar', 'sport drink', 'protein']],
];

export interface SynonymTable {
  /** Stemmed phrase ("wash dish") → stemmed alternative phrases. */
  map: Map<string, string[][]>;
  /** Longest key length in words, for greedy phrase matching. */
  maxWords: number;
}

function key(words: string[]): string {
  return words.join(' ');
}

export function buildSynonyms(): SynonymTable {
  const map = new Map<string, string[][]>();
  const add = (from: string[], to: string[]) => {
    if (from.length === 0 || to.length === 0 || key(from) === key(to)) return;
    const list = map.get(key(from)) ?? [];
    if (!list.some((l) => key(l) === key(to))) list.push(to);
    map.set(key(from), list);
  };
  for (const group of EQUIVALENTS) {
    const st = group.map(words);
    for (const a of st) for (const b of st) add(a, b);
  }
  for (const [needs, targets] of NEEDS) {
    const ts = targets.map(words);
    for (const n of needs.map(words)) for (const t of ts) add(n, t);
  }
  let maxWords = 1;
  for (const k of map.keys()) maxWords = Math.max(maxWords, k.split(' ').length);
  return { map, maxWords };
}
