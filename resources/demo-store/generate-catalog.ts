// Runs: node (build-time script): `node --import tsx resources/demo-store/generate-catalog.ts`.
// Writes resources/demo-store/catalog.json, the demo store's catalog. Everything here is authored by
// the StoreMind project (invented brands, prices and barcodes, no dataset behind it) and the output
// is deterministic: a seeded PRNG, no clock, so re-running it gives a byte-identical file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeEan13 } from '../../electron/core/catalog/barcode.ts';
import { mulberry32 } from '../../electron/core/models/rng.ts';

interface AisleDef { id: string; name: string; departments: string[] }

/** The store map: 14 aisles left to right, front (y small) to back. Units are map cells. */
export const AISLES: AisleDef[] = [
  { id: 'A1', name: 'Produce', departments: ['Produce'] },
  { id: 'A2', name: 'Dairy, Eggs & Plant Milk', departments: ['Dairy & Eggs'] },
  { id: 'A3', name: 'Bakery & Bread', departments: ['Bakery'] },
  { id: 'A4', name: 'Pasta, Rice & Canned Goods', departments: ['Pantry'] },
  { id: 'A5', name: 'Breakfast, Spreads & Baking', departments: ['Breakfast & Spreads'] },
  { id: 'A6', name: 'Snacks & Candy', departments: ['Snacks'] },
  { id: 'A7', name: 'Beverages', departments: ['Beverages'] },
  { id: 'A8', name: 'Frozen Foods', departments: ['Frozen'] },
  { id: 'A9', name: 'Cleaning & Laundry', departments: ['Household'] },
  { id: 'A10', name: 'Paper & Home Essentials', departments: ['Household'] },
  { id: 'A11', name: 'Health & Beauty', departments: ['Health & Beauty'] },
  { id: 'A12', name: 'Pharmacy & Wellness', departments: ['Pharmacy'] },
  { id: 'A13', name: 'Electronics', departments: ['Electronics'] },
  { id: 'A14', name: 'Baby & Pet', departments: ['Baby', 'Pet'] },
];

/** Where things are on the map (the kiosk draws these around the aisles). */
const LANDMARKS = [
  { id: 'entrance', name: 'Main entrance', x: 2, y: 56, w: 10, h: 3 },
  { id: 'customer_service', name: 'Customer service', x: 14, y: 52, w: 10, h: 5 },
  { id: 'checkout', name: 'Checkouts', x: 28, y: 52, w: 40, h: 5 },
  { id: 'pharmacy_counter', name: 'Pharmacy counter', x: 72, y: 0.5, w: 10, h: 5 },
  { id: 'restrooms', name: 'Restrooms', x: 84, y: 0.5, w: 9, h: 5 },
  { id: 'service_counter', name: 'Keys & repairs', x: 72, y: 52, w: 14, h: 5 },
];

type Tag = 'vegan' | 'vegetarian' | 'gluten_free' | 'organic' | 'lactose_free' | 'dairy_free' | 'nut_free' | 'sugar_free' | 'kosher' | 'low_sodium' | 'keto';

interface ItemDef {
  /** Product noun phrase, e.g. "Almond Milk". */
  name: string;
  brands: string[];
  /** Variants prefixed to the name ("Unsweetened" Almond Milk); one product per brand x variant. */
  variants?: string[];
  sizes: string[];
  /** Typical shelf price in cents for the first size. */
  price: number;
  tags?: Tag[];
  /** Words shoppers use for this kind of product; stored per product, searched with it. */
  synonyms?: string;
  desc: string;
  /** Cap on brand x variant combinations, to keep categories balanced. */
  max?: number;
}

interface CategoryDef { department: string; top: string; category: string; aisle: string; items: ItemDef[] }

const STORE = 'Riverside Select';
const STORE_ORG = 'Riverside Organics';

const C: CategoryDef[] = [
  // ---------------- Produce (A1) ----------------
  { department: 'Produce', top: 'Grocery', category: 'Fresh Fruit', aisle: 'A1', items: [
    { name: 'Bananas', brands: ['Sunny Acres', STORE_ORG], sizes: ['per lb'], price: 69, tags: ['vegan', 'gluten_free'], synonyms: 'banana; plantain-style fruit', desc: 'Ripe yellow bananas, sold by the pound.' },
    { name: 'Apples', brands: ['Green Valley Farms'], variants: ['Gala', 'Honeycrisp', 'Granny Smith', 'Fuji'], sizes: ['3 lb bag'], price: 499, tags: ['vegan', 'gluten_free'], synonyms: 'apple', desc: 'Crisp apples in a 3 lb bag.' },
    { name: 'Strawberries', brands: ['Sunny Acres', STORE_ORG], sizes: ['1 lb clamshell'], price: 399, tags: ['vegan', 'gluten_free'], synonyms: 'strawberry; berries', desc: 'Sweet red strawberries.' },
    { name: 'Blueberries', brands: ['Sunny Acres', STORE_ORG], sizes: ['6 oz'], price: 349, tags: ['vegan', 'gluten_free'], synonyms: 'blueberry; berries', desc: 'Plump blueberries.' },
    { name: 'Lemons', brands: ['Green Valley Farms'], sizes: ['2 lb bag'], price: 449, tags: ['vegan', 'gluten_free'], synonyms: 'lemon; citrus', desc: 'Juicy lemons for cooking and drinks.' },
    { name: 'Avocados', brands: ['Green Valley Farms', STORE_ORG], variants: ['Hass'], sizes: ['each', '4 ct bag'], price: 129, tags: ['vegan', 'gluten_free'], synonyms: 'avocado; guacamole', desc: 'Creamy Hass avocados.' },
    { name: 'Seedless Grapes', brands: ['Sunny Acres'], variants: ['Red', 'Green'], sizes: ['per lb'], price: 299, tags: ['vegan', 'gluten_free'], synonyms: 'grape', desc: 'Seedless table grapes.' },
    { name: 'Navel Oranges', brands: ['Sunny Acres'], sizes: ['4 lb bag'], price: 599, tags: ['vegan', 'gluten_free'], synonyms: 'orange; citrus', desc: 'Sweet seedless navel oranges.' },
  ] },
  { department: 'Produce', top: 'Grocery', category: 'Fresh Vegetables', aisle: 'A1', items: [
    { name: 'Baby Spinach', brands: ['Green Valley Farms', STORE_ORG], sizes: ['5 oz'], price: 349, tags: ['vegan', 'gluten_free'], synonyms: 'spinach; salad greens; leafy greens', desc: 'Washed baby spinach leaves, ready to eat.' },
    { name: 'Romaine Hearts', brands: ['Green Valley Farms'], sizes: ['3 ct'], price: 379, tags: ['vegan', 'gluten_free'], synonyms: 'lettuce; salad', desc: 'Crunchy romaine lettuce hearts.' },
    { name: 'Carrots', brands: ['Green Valley Farms', STORE_ORG], variants: ['', 'Baby'], sizes: ['2 lb bag'], price: 199, tags: ['vegan', 'gluten_free'], synonyms: 'carrot', desc: 'Fresh carrots.' },
    { name: 'Yellow Onions', brands: ['Green Valley Farms'], sizes: ['3 lb bag'], price: 299, tags: ['vegan', 'gluten_free'], synonyms: 'onion', desc: 'Yellow cooking onions.' },
    { name: 'Russet Potatoes', brands: ['Green Valley Farms'], sizes: ['5 lb bag'], price: 449, tags: ['vegan', 'gluten_free'], synonyms: 'potato; spuds', desc: 'All-purpose russet potatoes.' },
    { name: 'Broccoli Crowns', brands: ['Green Valley Farms', STORE_ORG], sizes: ['per lb'], price: 199, tags: ['vegan', 'gluten_free'], synonyms: 'broccoli', desc: 'Fresh broccoli crowns.' },
    { name: 'Bell Peppers', brands: ['Sunny Acres'], variants: ['Red', 'Green', 'Yellow'], sizes: ['each'], price: 129, tags: ['vegan', 'gluten_free'], synonyms: 'pepper; capsicum', desc: 'Crisp bell peppers.' },
    { name: 'Tomatoes on the Vine', brands: ['Sunny Acres'], sizes: ['per lb'], price: 279, tags: ['vegan', 'gluten_free'], synonyms: 'tomato', desc: 'Vine-ripened tomatoes.' },
    { name: 'Garlic', brands: ['Green Valley Farms'], sizes: ['3 ct'], price: 149, tags: ['vegan', 'gluten_free'], synonyms: 'garlic bulbs', desc: 'Whole garlic bulbs.' },
    { name: 'Cucumbers', brands: ['Sunny Acres'], sizes: ['each'], price: 79, tags: ['vegan', 'gluten_free'], synonyms: 'cucumber', desc: 'Fresh slicing cucumbers.' },
    { name: 'Fresh Herbs', brands: ['Green Valley Farms'], variants: ['Basil', 'Cilantro', 'Parsley', 'Mint'], sizes: ['0.75 oz'], price: 229, tags: ['vegan', 'gluten_free'], synonyms: 'herbs', desc: 'Fresh cut herbs.' },
    { name: 'Tofu', brands: ['Soyara', STORE_ORG], variants: ['Firm', 'Extra Firm', 'Silken'], sizes: ['14 oz'], price: 249, tags: ['vegan', 'gluten_free', 'dairy_free'], synonyms: 'bean curd; plant protein', desc: 'Organic soybean tofu.' },
  ] },
  // ---------------- Dairy (A2) ----------------
  { department: 'Dairy & Eggs', top: 'Grocery', category: 'Milk', aisle: 'A2', items: [
    { name: 'Milk', brands: ['Meadowbrook', 'Clover Hill', STORE], variants: ['Whole', '2% Reduced Fat', 'Fat Free'], sizes: ['1 gal', 'half gal'], price: 389, tags: ['vegetarian', 'gluten_free'], synonyms: 'cow milk; dairy milk', desc: 'Fresh pasteurized milk.' },
    { name: 'Lactose Free Milk', brands: ['Meadowbrook'], variants: ['Whole', '2%'], sizes: ['half gal'], price: 449, tags: ['vegetarian', 'gluten_free', 'lactose_free'], synonyms: 'lactose-free milk', desc: 'Real milk with the lactose removed.' },
    { name: 'Chocolate Milk', brands: ['Clover Hill'], sizes: ['half gal'], price: 329, tags: ['vegetarian', 'gluten_free'], synonyms: 'choc milk', desc: 'Creamy chocolate milk.' },
  ] },
  { department: 'Dairy & Eggs', top: 'Grocery', category: 'Plant Milk', aisle: 'A2', items: [
    { name: 'Almond Milk', brands: ['Almondale', STORE], variants: ['Unsweetened', 'Original', 'Vanilla', 'Chocolate'], sizes: ['half gal'], price: 349, tags: ['vegan', 'dairy_free', 'lactose_free', 'gluten_free'], synonyms: 'almond beverage; nut milk; plant milk; non-dairy milk; dairy-free milk', desc: 'Smooth almond milk made from California almonds.' },
    { name: 'Oat Milk', brands: ['Oatfield', STORE], variants: ['Original', 'Barista', 'Unsweetened'], sizes: ['half gal'], price: 449, tags: ['vegan', 'dairy_free', 'lactose_free'], synonyms: 'oat beverage; plant milk; non-dairy milk; dairy-free milk', desc: 'Creamy oat milk that froths for coffee.' },
    { name: 'Soy Milk', brands: ['Soyara'], variants: ['Original', 'Unsweetened', 'Vanilla'], sizes: ['half gal'], price: 349, tags: ['vegan', 'dairy_free', 'lactose_free', 'gluten_free'], synonyms: 'soya milk; plant milk; non-dairy milk', desc: 'Soy milk with 7 g of plant protein per serving.' },
    { name: 'Coconut Milk Beverage', brands: ['Coco Isle'], variants: ['Original', 'Unsweetened'], sizes: ['half gal'], price: 379, tags: ['vegan', 'dairy_free', 'lactose_free', 'gluten_free'], synonyms: 'coconut milk; plant milk; non-dairy milk', desc: 'Light coconut milk beverage.' },
  ] },
  { department: 'Dairy & Eggs', top: 'Grocery', category: 'Eggs', aisle: 'A2', items: [
    { name: 'Large Eggs', brands: ['Clover Hill', STORE, STORE_ORG], variants: ['Grade A', 'Cage Free Brown'], sizes: ['12 ct', '18 ct'], price: 329, tags: ['vegetarian', 'gluten_free'], synonyms: 'egg; dozen eggs', desc: 'Fresh large eggs.', max: 5 },
  ] },
  { department: 'Dairy & Eggs', top: 'Grocery', category: 'Cheese', aisle: 'A2', items: [
    { name: 'Shredded Cheese', brands: ['Clover Hill', STORE], variants: ['Cheddar', 'Mozzarella', 'Mexican Blend', 'Parmesan'], sizes: ['8 oz'], price: 299, tags: ['vegetarian', 'gluten_free'], synonyms: 'grated cheese', desc: 'Shredded natural cheese.' },
    { name: 'Cheese Slices', brands: ['Clover Hill'], variants: ['American', 'Swiss', 'Provolone'], sizes: ['12 ct'], price: 349, tags: ['vegetarian', 'gluten_free'], synonyms: 'sliced cheese', desc: 'Deli-style cheese slices.' },
    { name: 'Cream Cheese', brands: ['Meadowbrook', STORE], variants: ['Original', 'Chive & Onion'], sizes: ['8 oz'], price: 249, tags: ['vegetarian', 'gluten_free'], synonyms: 'bagel spread', desc: 'Smooth cream cheese.' },
    { name: 'Vegan Cheese Shreds', brands: ['Almondale'], variants: ['Cheddar Style', 'Mozzarella Style'], sizes: ['7 oz'], price: 499, tags: ['vegan', 'dairy_free', 'lactose_free', 'gluten_free'], synonyms: 'dairy-free cheese; plant-based cheese', desc: 'Plant-based cheese that melts.' },
  ] },
  { department: 'Dairy & Eggs', top: 'Grocery', category: 'Yogurt', aisle: 'A2', items: [
    { name: 'Greek Yogurt', brands: ['Meadowbrook', STORE], variants: ['Plain', 'Vanilla', 'Strawberry', 'Blueberry'], sizes: ['32 oz', '5.3 oz'], price: 549, tags: ['vegetarian', 'gluten_free'], synonyms: 'yoghurt; greek yoghurt', desc: 'Thick, protein-rich Greek yogurt.' },
    { name: 'Oat Yogurt', brands: ['Oatfield'], variants: ['Plain', 'Peach'], sizes: ['5.3 oz'], price: 179, tags: ['vegan', 'dairy_free', 'lactose_free'], synonyms: 'dairy-free yogurt; plant yoghurt', desc: 'Creamy oat-based yogurt.' },
  ] },
  { department: 'Dairy & Eggs', top: 'Grocery', category: 'Butter & Cream', aisle: 'A2', items: [
    { name: 'Butter', brands: ['Clover Hill', STORE], variants: ['Salted', 'Unsalted'], sizes: ['1 lb'], price: 499, tags: ['vegetarian', 'gluten_free'], synonyms: 'sweet cream butter', desc: 'Sweet cream butter in sticks.' },
    { name: 'Plant Butter', brands: ['Oatfield'], sizes: ['15 oz'], price: 549, tags: ['vegan', 'dairy_free', 'lactose_free'], synonyms: 'vegan butter; margarine', desc: 'Plant-based butter for baking and spreading.' },
    { name: 'Heavy Whipping Cream', brands: ['Meadowbrook'], sizes: ['1 pt'], price: 399, tags: ['vegetarian', 'gluten_free'], synonyms: 'cream; whipping cream', desc: 'Heavy cream for whipping and cooking.' },
    { name: 'Sour Cream', brands: ['Meadowbrook', STORE], sizes: ['16 oz'], price: 229, tags: ['vegetarian', 'gluten_free'], synonyms: 'soured cream', desc: 'Cultured sour cream.' },
    { name: 'Coffee Creamer', brands: ['Meadowbrook'], variants: ['French Vanilla', 'Hazelnut', 'Original'], sizes: ['32 oz'], price: 449, tags: ['vegetarian', 'gluten_free'], synonyms: 'creamer', desc: 'Liquid coffee creamer.' },
  ] },
  // ---------------- Bakery (A3) ----------------
  { department: 'Bakery', top: 'Grocery', category: 'Bread', aisle: 'A3', items: [
    { name: 'Sandwich Bread', brands: ['Golden Crust', STORE], variants: ['White', 'Whole Wheat', 'Multigrain'], sizes: ['20 oz loaf'], price: 299, tags: ['vegetarian'], synonyms: 'loaf; sliced bread', desc: 'Soft sliced sandwich bread.' },
    { name: 'Sourdough Loaf', brands: ['Hearthstone Bakery'], sizes: ['24 oz'], price: 499, tags: ['vegan'], synonyms: 'sourdough bread; artisan bread', desc: 'Naturally leavened sourdough, baked in store.' },
    { name: 'Gluten Free Bread', brands: ['Rye & Co'], variants: ['White', 'Seeded'], sizes: ['18 oz'], price: 649, tags: ['gluten_free', 'vegetarian'], synonyms: 'gluten-free bread; celiac bread', desc: 'Soft gluten-free sandwich bread.' },
    { name: 'Rye Bread', brands: ['Rye & Co'], variants: ['Seeded', 'Pumpernickel'], sizes: ['16 oz'], price: 429, tags: ['vegan'], synonyms: 'rye loaf', desc: 'Dense rye bread.' },
    { name: 'Bagels', brands: ['Golden Crust', 'Hearthstone Bakery'], variants: ['Plain', 'Everything', 'Cinnamon Raisin'], sizes: ['6 ct'], price: 399, tags: ['vegetarian'], synonyms: 'bagel', desc: 'Chewy New York style bagels.' },
    { name: 'Tortillas', brands: ['Golden Crust', STORE], variants: ['Flour', 'Corn', 'Whole Wheat'], sizes: ['10 ct'], price: 279, tags: ['vegan'], synonyms: 'tortilla; wraps', desc: 'Soft tortillas for tacos and wraps.' },
    { name: 'Hamburger Buns', brands: ['Golden Crust'], sizes: ['8 ct'], price: 249, tags: ['vegetarian'], synonyms: 'burger buns; rolls', desc: 'Soft hamburger buns.' },
    { name: 'Croissants', brands: ['Hearthstone Bakery'], sizes: ['4 ct'], price: 549, tags: ['vegetarian'], synonyms: 'croissant; pastry', desc: 'Buttery croissants baked fresh daily.' },
    { name: 'Muffins', brands: ['Hearthstone Bakery'], variants: ['Blueberry', 'Chocolate Chip', 'Banana Nut'], sizes: ['4 ct'], price: 499, tags: ['vegetarian'], synonyms: 'muffin', desc: 'Bakery-fresh muffins.' },
  ] },
  // ---------------- Pantry (A4) ----------------
  { department: 'Pantry', top: 'Grocery', category: 'Pasta & Sauce', aisle: 'A4', items: [
    { name: 'Pasta', brands: ['Nonna Lucia', STORE], variants: ['Spaghetti', 'Penne', 'Rigatoni', 'Fusilli', 'Elbow Macaroni'], sizes: ['16 oz'], price: 179, tags: ['vegan'], synonyms: 'noodles; macaroni', desc: 'Durum wheat pasta, bronze cut.' },
    { name: 'Gluten Free Pasta', brands: ['Nonna Lucia'], variants: ['Spaghetti', 'Penne'], sizes: ['12 oz'], price: 329, tags: ['vegan', 'gluten_free'], synonyms: 'gluten-free noodles; rice pasta', desc: 'Corn and rice pasta.' },
    { name: 'Pasta Sauce', brands: ['Nonna Lucia', STORE], variants: ['Marinara', 'Tomato Basil', 'Arrabbiata', 'Alfredo'], sizes: ['24 oz jar'], price: 399, tags: ['vegetarian', 'gluten_free'], synonyms: 'tomato sauce; spaghetti sauce', desc: 'Slow-simmered pasta sauce.' },
    { name: 'Pesto', brands: ['Nonna Lucia'], variants: ['Basil'], sizes: ['6 oz jar'], price: 449, tags: ['vegetarian', 'gluten_free'], synonyms: 'pesto sauce', desc: 'Basil pesto with parmesan and pine nuts.' },
  ] },
  { department: 'Pantry', top: 'Grocery', category: 'Rice, Grains & Beans', aisle: 'A4', items: [
    { name: 'Rice', brands: ['Harvest Table', STORE], variants: ['Long Grain White', 'Jasmine', 'Basmati', 'Brown'], sizes: ['2 lb bag'], price: 299, tags: ['vegan', 'gluten_free'], synonyms: 'grain', desc: 'Fluffy long grain rice.' },
    { name: 'Quinoa', brands: ['Harvest Table', STORE_ORG], sizes: ['16 oz'], price: 549, tags: ['vegan', 'gluten_free', 'organic'], synonyms: 'ancient grain', desc: 'Organic white quinoa.' },
    { name: 'Dried Lentils', brands: ['Harvest Table'], variants: ['Green', 'Red'], sizes: ['16 oz'], price: 199, tags: ['vegan', 'gluten_free'], synonyms: 'lentil; pulses', desc: 'Dried lentils, no soaking needed.' },
    { name: 'Canned Beans', brands: ['Harvest Table', STORE], variants: ['Black', 'Kidney', 'Pinto', 'Garbanzo'], sizes: ['15.5 oz can'], price: 119, tags: ['vegan', 'gluten_free'], synonyms: 'beans; chickpeas; legumes', desc: 'Ready-to-use cooked beans.' },
    { name: 'Rolled Oats', brands: ['Prairie Mill', STORE_ORG], variants: ['Old Fashioned', 'Quick'], sizes: ['42 oz'], price: 499, tags: ['vegan'], synonyms: 'oatmeal; porridge oats', desc: 'Whole grain rolled oats.' },
  ] },
  { department: 'Pantry', top: 'Grocery', category: 'Canned Goods & Soup', aisle: 'A4', items: [
    { name: 'Canned Tuna', brands: ['Blue Lagoon', STORE], variants: ['Chunk Light in Water', 'Solid White Albacore'], sizes: ['5 oz can'], price: 149, tags: ['gluten_free'], synonyms: 'tuna fish; tinned tuna', desc: 'Wild-caught tuna.' },
    { name: 'Canned Salmon', brands: ['Blue Lagoon'], sizes: ['14.75 oz can'], price: 549, tags: ['gluten_free'], synonyms: 'tinned salmon', desc: 'Wild pink salmon.' },
    { name: 'Diced Tomatoes', brands: ['Nonna Lucia', STORE], variants: ['', 'Fire Roasted'], sizes: ['14.5 oz can'], price: 129, tags: ['vegan', 'gluten_free'], synonyms: 'canned tomatoes; tinned tomatoes', desc: 'Diced tomatoes in juice.' },
    { name: 'Soup', brands: ['Harvest Table', STORE], variants: ['Chicken Noodle', 'Tomato', 'Minestrone', 'Lentil'], sizes: ['18.6 oz can'], price: 249, synonyms: 'canned soup', desc: 'Hearty ready-to-heat soup.' },
    { name: 'Chicken Broth', brands: ['Harvest Table', STORE], variants: ['', 'Low Sodium'], sizes: ['32 oz carton'], price: 279, tags: ['gluten_free'], synonyms: 'chicken stock; bouillon', desc: 'Slow-simmered chicken broth.' },
    { name: 'Vegetable Broth', brands: ['Harvest Table'], sizes: ['32 oz carton'], price: 279, tags: ['vegan', 'gluten_free'], synonyms: 'vegetable stock', desc: 'Vegetable broth for soups and risotto.' },
  ] },
  { department: 'Pantry', top: 'Grocery', category: 'Oils, Vinegar & Spices', aisle: 'A4', items: [
    { name: 'Extra Virgin Olive Oil', brands: ['Nonna Lucia', STORE], sizes: ['16.9 oz'], price: 899, tags: ['vegan', 'gluten_free'], synonyms: 'olive oil; cooking oil', desc: 'Cold-pressed extra virgin olive oil.' },
    { name: 'Vegetable Oil', brands: ['Harvest Table'], variants: ['Canola', 'Sunflower'], sizes: ['48 oz'], price: 449, tags: ['vegan', 'gluten_free'], synonyms: 'cooking oil; frying oil', desc: 'Neutral oil for frying and baking.' },
    { name: 'Vinegar', brands: ['Harvest Table'], variants: ['Apple Cider', 'White', 'Balsamic'], sizes: ['16 oz'], price: 299, tags: ['vegan', 'gluten_free'], synonyms: 'vinegar', desc: 'Vinegar for dressings and pickling.' },
    { name: 'Ground Spice', brands: ['Spice Route Co'], variants: ['Cinnamon', 'Cumin', 'Paprika', 'Black Pepper', 'Garlic Powder', 'Chili Powder'], sizes: ['2 oz'], price: 349, tags: ['vegan', 'gluten_free'], synonyms: 'spices; seasoning', desc: 'Ground spice in a shaker jar.' },
    { name: 'Sea Salt', brands: ['Spice Route Co', STORE], variants: ['Fine', 'Coarse'], sizes: ['26 oz'], price: 229, tags: ['vegan', 'gluten_free'], synonyms: 'salt; table salt', desc: 'Sea salt.' },
    { name: 'Soy Sauce', brands: ['Spice Route Co'], variants: ['', 'Low Sodium'], sizes: ['15 oz'], price: 329, tags: ['vegan'], synonyms: 'shoyu', desc: 'Naturally brewed soy sauce.' },
    { name: 'Ketchup', brands: ['Harvest Table', STORE], sizes: ['32 oz'], price: 279, tags: ['vegan', 'gluten_free'], synonyms: 'catsup; tomato ketchup', desc: 'Classic tomato ketchup.' },
    { name: 'Yellow Mustard', brands: ['Harvest Table'], sizes: ['14 oz'], price: 179, tags: ['vegan', 'gluten_free'], synonyms: 'mustard', desc: 'Classic yellow mustard.' },
    { name: 'Mayonnaise', brands: ['Harvest Table', STORE], variants: ['', 'Vegan'], sizes: ['30 oz'], price: 449, tags: ['gluten_free'], synonyms: 'mayo', desc: 'Creamy mayonnaise.' },
    { name: 'Hot Sauce', brands: ['Spice Route Co'], variants: ['Original', 'Chipotle'], sizes: ['5 oz'], price: 299, tags: ['vegan', 'gluten_free'], synonyms: 'chili sauce; pepper sauce', desc: 'Tangy hot sauce.' },
  ] },
  // ---------------- Breakfast, spreads & baking (A5) ----------------
  { department: 'Breakfast & Spreads', top: 'Grocery', category: 'Nut Butters', aisle: 'A5', items: [
    { name: 'Peanut Butter', brands: ['Nutty Grove', STORE, STORE_ORG], variants: ['Creamy', 'Crunchy', 'Natural Creamy'], sizes: ['16 oz jar', '40 oz jar'], price: 299, tags: ['vegan', 'gluten_free'], synonyms: 'pb; peanut spread; nut butter', desc: 'Roasted peanut butter in a jar.', max: 7 },
    { name: 'Almond Butter', brands: ['Nutty Grove', 'Almondale'], variants: ['Smooth', 'Crunchy'], sizes: ['12 oz jar'], price: 799, tags: ['vegan', 'gluten_free'], synonyms: 'nut butter; almond spread', desc: 'Dry-roasted almond butter.' },
    { name: 'Hazelnut Cocoa Spread', brands: ['Nutty Grove'], sizes: ['13 oz jar'], price: 449, tags: ['vegetarian', 'gluten_free'], synonyms: 'chocolate spread; nutella-style spread', desc: 'Chocolate hazelnut spread.' },
    { name: 'Sunflower Seed Butter', brands: ['Nutty Grove'], sizes: ['16 oz jar'], price: 599, tags: ['vegan', 'gluten_free', 'nut_free'], synonyms: 'nut-free spread; sunbutter', desc: 'Nut-free spread for school lunches.' },
  ] },
  { department: 'Breakfast & Spreads', top: 'Grocery', category: 'Jam & Honey', aisle: 'A5', items: [
    { name: 'Fruit Preserves', brands: ['Orchard Jar', STORE], variants: ['Strawberry', 'Grape', 'Apricot', 'Raspberry'], sizes: ['18 oz jar'], price: 349, tags: ['vegan', 'gluten_free'], synonyms: 'jam; jelly; fruit spread', desc: 'Fruit preserves with real fruit pieces.' },
    { name: 'Honey', brands: ['Orchard Jar', STORE_ORG], variants: ['Clover', 'Raw Wildflower'], sizes: ['12 oz bear', '16 oz jar'], price: 499, tags: ['vegetarian', 'gluten_free'], synonyms: 'honey', desc: 'Pure American honey.' },
    { name: 'Maple Syrup', brands: ['Orchard Jar'], variants: ['Pure Grade A Amber'], sizes: ['12.5 oz'], price: 899, tags: ['vegan', 'gluten_free'], synonyms: 'pancake syrup', desc: '100% pure maple syrup.' },
  ] },
  { department: 'Breakfast & Spreads', top: 'Grocery', category: 'Cereal', aisle: 'A5', items: [
    { name: 'Cereal', brands: ['Morning Ridge', STORE], variants: ['Honey Oat Clusters', 'Corn Flakes', 'Frosted Wheat Squares', 'Cocoa Crunch', 'Toasted Oat Rings'], sizes: ['12 oz box'], price: 399, tags: ['vegetarian'], synonyms: 'breakfast cereal', desc: 'Crunchy breakfast cereal.' },
    { name: 'Granola', brands: ['Morning Ridge', STORE_ORG], variants: ['Maple Almond', 'Berry'], sizes: ['12 oz'], price: 499, tags: ['vegetarian'], synonyms: 'muesli', desc: 'Oven-baked granola clusters.' },
    { name: 'Instant Oatmeal', brands: ['Prairie Mill'], variants: ['Maple Brown Sugar', 'Apple Cinnamon', 'Original'], sizes: ['10 ct'], price: 379, tags: ['vegetarian'], synonyms: 'porridge; oatmeal packets', desc: 'Instant oatmeal packets.' },
    { name: 'Pancake Mix', brands: ['Prairie Mill'], variants: ['Buttermilk', 'Gluten Free'], sizes: ['32 oz'], price: 349, tags: ['vegetarian'], synonyms: 'waffle mix', desc: 'Just add water pancake mix.' },
  ] },
  { department: 'Breakfast & Spreads', top: 'Grocery', category: 'Coffee & Tea', aisle: 'A5', items: [
    { name: 'Ground Coffee', brands: ['Harbor Roast', STORE], variants: ['Medium Roast', 'Dark Roast', 'Breakfast Blend', 'Decaf'], sizes: ['12 oz bag'], price: 899, tags: ['vegan', 'gluten_free'], synonyms: 'coffee', desc: 'Freshly roasted ground coffee.' },
    { name: 'Whole Bean Coffee', brands: ['Harbor Roast'], variants: ['Colombia', 'Ethiopia', 'Espresso'], sizes: ['12 oz bag'], price: 1099, tags: ['vegan', 'gluten_free'], synonyms: 'coffee beans', desc: 'Single-origin whole bean coffee.' },
    { name: 'Coffee Pods', brands: ['Harbor Roast'], variants: ['Medium Roast', 'Dark Roast'], sizes: ['24 ct'], price: 1499, tags: ['vegan', 'gluten_free'], synonyms: 'k-cups; coffee capsules', desc: 'Single-serve coffee pods.' },
    { name: 'Tea Bags', brands: ['Tealeaf & Co'], variants: ['English Breakfast', 'Green', 'Chamomile', 'Peppermint', 'Earl Grey'], sizes: ['20 ct'], price: 349, tags: ['vegan', 'gluten_free'], synonyms: 'tea', desc: 'Tea bags.' },
  ] },
  { department: 'Breakfast & Spreads', top: 'Grocery', category: 'Baking', aisle: 'A5', items: [
    { name: 'All Purpose Flour', brands: ['Prairie Mill', STORE], sizes: ['5 lb'], price: 349, tags: ['vegan'], synonyms: 'flour; plain flour', desc: 'Unbleached all-purpose flour.' },
    { name: 'Almond Flour', brands: ['Almondale'], sizes: ['16 oz'], price: 899, tags: ['vegan', 'gluten_free', 'keto'], synonyms: 'almond meal; gluten-free flour', desc: 'Finely ground blanched almond flour.' },
    { name: 'Granulated Sugar', brands: ['Prairie Mill', STORE], sizes: ['4 lb'], price: 299, tags: ['vegan', 'gluten_free'], synonyms: 'sugar; white sugar', desc: 'Pure cane sugar.' },
    { name: 'Brown Sugar', brands: ['Prairie Mill'], variants: ['Light', 'Dark'], sizes: ['2 lb'], price: 249, tags: ['vegan', 'gluten_free'], synonyms: 'sugar', desc: 'Soft brown sugar.' },
    { name: 'Baking Soda', brands: ['Prairie Mill'], sizes: ['16 oz'], price: 129, tags: ['vegan', 'gluten_free'], synonyms: 'bicarbonate of soda; sodium bicarbonate', desc: 'Pure baking soda.' },
    { name: 'Baking Powder', brands: ['Prairie Mill'], sizes: ['8 oz'], price: 249, tags: ['vegan', 'gluten_free'], synonyms: 'leavening', desc: 'Double-acting baking powder.' },
    { name: 'Chocolate Chips', brands: ['Cocoa Bay', STORE], variants: ['Semi-Sweet', 'Milk', 'Dark'], sizes: ['12 oz'], price: 349, tags: ['vegetarian', 'gluten_free'], synonyms: 'baking chips', desc: 'Chocolate chips for baking.' },
    { name: 'Pure Vanilla Extract', brands: ['Spice Route Co'], sizes: ['2 oz'], price: 799, tags: ['vegan', 'gluten_free'], synonyms: 'vanilla essence', desc: 'Pure vanilla extract.' },
    { name: 'Cake Mix', brands: ['Prairie Mill'], variants: ['Chocolate Fudge', 'Yellow', 'Red Velvet'], sizes: ['15.25 oz'], price: 199, tags: ['vegetarian'], synonyms: 'cake', desc: 'Moist cake mix.' },
  ] },
  // ---------------- Snacks (A6) ----------------
  { department: 'Snacks', top: 'Grocery', category: 'Chips & Crisps', aisle: 'A6', items: [
    { name: 'Potato Chips', brands: ['Golden Kettle', 'Crunch Co', STORE], variants: ['Sea Salt', 'Barbecue', 'Sour Cream & Onion', 'Salt & Vinegar'], sizes: ['8 oz bag'], price: 399, tags: ['vegetarian', 'gluten_free'], synonyms: 'crisps; chips', desc: 'Kettle-cooked potato chips.', max: 10 },
    { name: 'Tortilla Chips', brands: ['Crunch Co', STORE], variants: ['Restaurant Style', 'Lime'], sizes: ['13 oz bag'], price: 379, tags: ['vegan', 'gluten_free'], synonyms: 'corn chips; nachos', desc: 'Crispy tortilla chips.' },
    { name: 'Pretzels', brands: ['Crunch Co'], variants: ['Twists', 'Rods', 'Gluten Free Twists'], sizes: ['16 oz'], price: 329, tags: ['vegan'], synonyms: 'pretzel', desc: 'Crunchy baked pretzels.' },
    { name: 'Popcorn', brands: ['Golden Kettle'], variants: ['Butter Microwave', 'Sea Salt Ready-to-Eat', 'Kettle Corn'], sizes: ['6 ct', '6 oz bag'], price: 449, tags: ['gluten_free'], synonyms: 'popping corn', desc: 'Whole grain popcorn.' },
    { name: 'Salsa', brands: ['Crunch Co'], variants: ['Mild', 'Medium', 'Hot'], sizes: ['16 oz jar'], price: 349, tags: ['vegan', 'gluten_free'], synonyms: 'dip; chip dip', desc: 'Chunky tomato salsa.' },
  ] },
  { department: 'Snacks', top: 'Grocery', category: 'Crackers & Cookies', aisle: 'A6', items: [
    { name: 'Crackers', brands: ['Crunch Co', STORE], variants: ['Saltine', 'Whole Wheat', 'Cheddar'], sizes: ['9 oz box'], price: 329, tags: ['vegetarian'], synonyms: 'cracker; biscuits', desc: 'Crisp baked crackers.' },
    { name: 'Rice Cakes', brands: ['Crunch Co'], variants: ['Lightly Salted', 'Caramel'], sizes: ['4.5 oz'], price: 279, tags: ['vegan', 'gluten_free'], synonyms: 'rice crackers', desc: 'Light puffed rice cakes.' },
    { name: 'Cookies', brands: ['Cocoa Bay', STORE], variants: ['Chocolate Chip', 'Oatmeal Raisin', 'Double Chocolate', 'Chocolate Sandwich'], sizes: ['13 oz'], price: 399, tags: ['vegetarian'], synonyms: 'biscuits; cookie', desc: 'Crunchy baked cookies.' },
    { name: 'Peanut Butter Cookies', brands: ['Cocoa Bay', 'Nutty Grove'], sizes: ['11 oz'], price: 399, tags: ['vegetarian'], synonyms: 'cookie; biscuits', desc: 'Soft-baked cookies made with real peanut butter.' },
    { name: 'Peanut Butter Cups', brands: ['Cocoa Bay'], variants: ['Milk Chocolate', 'Dark Chocolate'], sizes: ['4 ct'], price: 249, tags: ['vegetarian', 'gluten_free'], synonyms: 'candy; chocolate peanut butter', desc: 'Milk chocolate cups with a peanut butter filling.' },
    { name: 'Peanut Butter Crackers', brands: ['Crunch Co'], sizes: ['8 ct'], price: 329, tags: ['vegetarian'], synonyms: 'sandwich crackers', desc: 'Toasted crackers with peanut butter filling.' },
  ] },
  { department: 'Snacks', top: 'Grocery', category: 'Nuts, Bars & Dried Fruit', aisle: 'A6', items: [
    { name: 'Roasted Almonds', brands: ['Trail Mix Co', 'Almondale', STORE], variants: ['Lightly Salted', 'Unsalted'], sizes: ['16 oz'], price: 899, tags: ['vegan', 'gluten_free', 'keto'], synonyms: 'almond; nuts', desc: 'Dry-roasted almonds.' },
    { name: 'Mixed Nuts', brands: ['Trail Mix Co', STORE], variants: ['Deluxe', 'Lightly Salted'], sizes: ['15 oz can'], price: 999, tags: ['vegan', 'gluten_free'], synonyms: 'nuts; cashews; pecans', desc: 'Cashews, almonds, pecans and more.' },
    { name: 'Trail Mix', brands: ['Trail Mix Co'], variants: ['Classic', 'Tropical', 'Chocolate'], sizes: ['26 oz'], price: 899, tags: ['vegetarian', 'gluten_free'], synonyms: 'gorp; snack mix', desc: 'Nuts, raisins and candy mix.' },
    { name: 'Granola Bars', brands: ['Morning Ridge', STORE], variants: ['Oats & Honey', 'Chocolate Chip', 'Peanut Butter'], sizes: ['12 ct'], price: 449, tags: ['vegetarian'], synonyms: 'cereal bars; snack bars', desc: 'Chewy granola bars.' },
    { name: 'Protein Bars', brands: ['Voltade'], variants: ['Chocolate Peanut Butter', 'Cookies & Cream'], sizes: ['4 ct'], price: 799, tags: ['gluten_free'], synonyms: 'energy bars; protein bar', desc: '20 g protein bars.' },
    { name: 'Raisins', brands: ['Sunny Acres'], sizes: ['20 oz'], price: 429, tags: ['vegan', 'gluten_free'], synonyms: 'dried grapes; dried fruit', desc: 'Seedless raisins.' },
    { name: 'Beef Jerky', brands: ['Trail Mix Co'], variants: ['Original', 'Teriyaki'], sizes: ['3.25 oz'], price: 699, tags: ['gluten_free'], synonyms: 'jerky; meat snack', desc: 'Tender beef jerky.' },
  ] },
  { department: 'Snacks', top: 'Grocery', category: 'Candy & Chocolate', aisle: 'A6', items: [
    { name: 'Chocolate Bar', brands: ['Cocoa Bay'], variants: ['Milk', 'Dark 70%', 'Sea Salt Almond'], sizes: ['3.5 oz'], price: 299, tags: ['vegetarian', 'gluten_free'], synonyms: 'chocolate; candy bar', desc: 'Fine chocolate bar.' },
    { name: 'Gummy Bears', brands: ['Chewz'], variants: ['Classic', 'Sour'], sizes: ['5 oz bag'], price: 199, tags: ['gluten_free'], synonyms: 'gummies; candy; sweets', desc: 'Fruity gummy bears.' },
    { name: 'Chewing Gum', brands: ['Chewz'], variants: ['Spearmint', 'Peppermint', 'Watermelon'], sizes: ['15 ct'], price: 149, tags: ['vegan', 'sugar_free'], synonyms: 'gum', desc: 'Sugar-free chewing gum.' },
    { name: 'Hard Candy', brands: ['Chewz'], variants: ['Assorted Fruit', 'Butterscotch'], sizes: ['7 oz bag'], price: 249, tags: ['gluten_free'], synonyms: 'candy; sweets; lollies', desc: 'Individually wrapped hard candy.' },
  ] },
  // ---------------- Beverages (A7) ----------------
  { department: 'Beverages', top: 'Grocery', category: 'Water', aisle: 'A7', items: [
    { name: 'Spring Water', brands: ['Clearspring', STORE], sizes: ['24 pk 16.9 oz', '1 gal'], price: 499, tags: ['vegan', 'gluten_free'], synonyms: 'bottled water; drinking water', desc: 'Natural spring water.' },
    { name: 'Sparkling Water', brands: ['Clearspring', 'Fizzwell'], variants: ['Lime', 'Lemon', 'Grapefruit', 'Unflavored'], sizes: ['8 pk 12 oz cans'], price: 449, tags: ['vegan', 'gluten_free', 'sugar_free'], synonyms: 'seltzer; fizzy water; carbonated water; soda water', desc: 'Zero-calorie sparkling water.' },
  ] },
  { department: 'Beverages', top: 'Grocery', category: 'Soda & Soft Drinks', aisle: 'A7', items: [
    { name: 'Cola', brands: ['Fizzwell', STORE], variants: ['Classic', 'Zero Sugar', 'Cherry'], sizes: ['12 pk 12 oz cans', '2 L bottle'], price: 699, tags: ['vegan', 'gluten_free'], synonyms: 'soda; pop; soft drink; coke', desc: 'Refreshing cola.' },
    { name: 'Lemon Lime Soda', brands: ['Fizzwell'], variants: ['', 'Zero Sugar'], sizes: ['2 L bottle'], price: 229, tags: ['vegan', 'gluten_free'], synonyms: 'soda; pop; soft drink', desc: 'Crisp lemon-lime soda.' },
    { name: 'Ginger Ale', brands: ['Fizzwell'], sizes: ['12 pk 12 oz cans'], price: 649, tags: ['vegan', 'gluten_free'], synonyms: 'soda; ginger beer', desc: 'Ginger ale.' },
    { name: 'Root Beer', brands: ['Fizzwell'], sizes: ['12 pk 12 oz cans'], price: 649, tags: ['vegan', 'gluten_free'], synonyms: 'soda; pop', desc: 'Creamy root beer.' },
  ] },
  { department: 'Beverages', top: 'Grocery', category: 'Juice', aisle: 'A7', items: [
    { name: 'Orange Juice', brands: ['Orchard Press', STORE], variants: ['No Pulp', 'Some Pulp', 'Calcium'], sizes: ['52 oz'], price: 449, tags: ['vegan', 'gluten_free'], synonyms: 'oj; juice', desc: '100% orange juice, not from concentrate.' },
    { name: 'Apple Juice', brands: ['Orchard Press', STORE], sizes: ['64 oz'], price: 329, tags: ['vegan', 'gluten_free'], synonyms: 'juice', desc: '100% apple juice.' },
    { name: 'Cranberry Juice Cocktail', brands: ['Orchard Press'], sizes: ['64 oz'], price: 379, tags: ['vegan', 'gluten_free'], synonyms: 'juice; cranberry drink', desc: 'Cranberry juice cocktail.' },
    { name: 'Lemonade', brands: ['Orchard Press'], variants: ['Classic', 'Strawberry'], sizes: ['52 oz'], price: 329, tags: ['vegan', 'gluten_free'], synonyms: 'lemon drink', desc: 'Fresh-squeezed style lemonade.' },
  ] },
  { department: 'Beverages', top: 'Grocery', category: 'Sports & Energy Drinks', aisle: 'A7', items: [
    { name: 'Sports Drink', brands: ['Voltade'], variants: ['Lemon Lime', 'Fruit Punch', 'Glacier Blue', 'Orange'], sizes: ['28 oz', '8 pk 20 oz'], price: 179, tags: ['vegan', 'gluten_free'], synonyms: 'electrolyte drink; isotonic drink; gatorade-type', desc: 'Electrolyte sports drink for hydration.' },
    { name: 'Energy Drink', brands: ['Voltade'], variants: ['Original', 'Sugar Free', 'Tropical'], sizes: ['16 oz can'], price: 279, tags: ['vegan', 'gluten_free'], synonyms: 'caffeine drink', desc: 'Energy drink with caffeine and B vitamins.' },
    { name: 'Cold Brew Coffee', brands: ['Harbor Roast'], variants: ['Black', 'Oat Milk Latte'], sizes: ['32 oz'], price: 549, tags: ['vegan', 'gluten_free'], synonyms: 'iced coffee', desc: 'Smooth cold brew coffee.' },
    { name: 'Iced Tea', brands: ['Tealeaf & Co'], variants: ['Sweet', 'Unsweetened', 'Peach'], sizes: ['64 oz'], price: 299, tags: ['vegan', 'gluten_free'], synonyms: 'tea drink', desc: 'Brewed iced tea.' },
    { name: 'Kombucha', brands: ['Tealeaf & Co'], variants: ['Ginger', 'Berry'], sizes: ['16 oz'], price: 349, tags: ['vegan', 'gluten_free', 'organic'], synonyms: 'fermented tea', desc: 'Raw organic kombucha.' },
  ] },
  // ---------------- Frozen (A8) ----------------
  { department: 'Frozen', top: 'Grocery', category: 'Frozen Meals & Pizza', aisle: 'A8', items: [
    { name: 'Frozen Pizza', brands: ['Pizzeria Nova', STORE], variants: ['Pepperoni', 'Four Cheese', 'Supreme', 'Margherita'], sizes: ['12 in'], price: 599, synonyms: 'pizza', desc: 'Stone-baked crust pizza.' },
    { name: 'Cauliflower Crust Pizza', brands: ['Pizzeria Nova'], variants: ['Margherita', 'Veggie'], sizes: ['10 in'], price: 849, tags: ['gluten_free', 'vegetarian'], synonyms: 'pizza; gluten-free pizza', desc: 'Pizza on a cauliflower crust.' },
    { name: 'Frozen Meal', brands: ['Polar Kitchen'], variants: ['Chicken Alfredo', 'Beef Lasagna', 'Vegetable Curry', 'Mac & Cheese', 'Burrito Bowl'], sizes: ['10 oz'], price: 399, synonyms: 'tv dinner; microwave meal; ready meal', desc: 'Single-serve frozen meal.' },
    { name: 'Frozen Burritos', brands: ['Polar Kitchen'], variants: ['Bean & Cheese', 'Beef & Bean'], sizes: ['8 ct'], price: 699, synonyms: 'burrito', desc: 'Microwaveable burritos.' },
    { name: 'Veggie Burgers', brands: ['Polar Kitchen'], variants: ['Black Bean', 'Plant-Based'], sizes: ['4 ct'], price: 599, tags: ['vegan'], synonyms: 'plant-based burger; meatless patties', desc: 'Meatless burger patties.' },
    { name: 'Chicken Nuggets', brands: ['Polar Kitchen', STORE], sizes: ['32 oz'], price: 899, synonyms: 'chicken tenders; nuggets', desc: 'Breaded white meat chicken nuggets.' },
    { name: 'Fish Sticks', brands: ['Blue Lagoon'], sizes: ['24 ct'], price: 549, synonyms: 'fish fingers', desc: 'Breaded wild pollock fish sticks.' },
  ] },
  { department: 'Frozen', top: 'Grocery', category: 'Frozen Fruit & Vegetables', aisle: 'A8', items: [
    { name: 'Frozen Vegetables', brands: ['Frosty Fields', STORE], variants: ['Peas', 'Sweet Corn', 'Broccoli Florets', 'Mixed Vegetables', 'Green Beans', 'Stir Fry Blend'], sizes: ['12 oz bag'], price: 179, tags: ['vegan', 'gluten_free'], synonyms: 'frozen veg; veggies', desc: 'Steam-in-bag frozen vegetables.' },
    { name: 'Frozen Fruit', brands: ['Frosty Fields'], variants: ['Strawberries', 'Mixed Berries', 'Mango Chunks', 'Blueberries'], sizes: ['16 oz bag'], price: 399, tags: ['vegan', 'gluten_free'], synonyms: 'smoothie fruit; frozen berries', desc: 'Frozen fruit for smoothies.' },
    { name: 'French Fries', brands: ['Frosty Fields', STORE], variants: ['Crinkle Cut', 'Shoestring', 'Sweet Potato'], sizes: ['32 oz'], price: 349, tags: ['vegan', 'gluten_free'], synonyms: 'fries; chips', desc: 'Oven-ready frozen fries.' },
  ] },
  { department: 'Frozen', top: 'Grocery', category: 'Ice Cream & Desserts', aisle: 'A8', items: [
    { name: 'Ice Cream', brands: ['Scoop Street', STORE], variants: ['Vanilla Bean', 'Chocolate', 'Cookies & Cream', 'Mint Chip', 'Strawberry'], sizes: ['48 oz'], price: 499, tags: ['vegetarian', 'gluten_free'], synonyms: 'icecream; frozen dessert', desc: 'Creamy ice cream.' },
    { name: 'Non-Dairy Frozen Dessert', brands: ['Oatfield'], variants: ['Chocolate', 'Vanilla'], sizes: ['16 oz'], price: 599, tags: ['vegan', 'dairy_free', 'lactose_free'], synonyms: 'vegan ice cream; dairy-free ice cream', desc: 'Oat milk frozen dessert.' },
    { name: 'Ice Pops', brands: ['Scoop Street'], variants: ['Fruit', 'Lemonade'], sizes: ['12 ct'], price: 399, tags: ['vegan', 'gluten_free'], synonyms: 'popsicles; ice lollies', desc: 'Real fruit ice pops.' },
    { name: 'Ice', brands: ['Clearspring'], sizes: ['7 lb bag'], price: 299, tags: ['vegan', 'gluten_free'], synonyms: 'ice cubes; bagged ice', desc: 'Crystal clear ice cubes.' },
  ] },
  // ---------------- Household: cleaning & laundry (A9) ----------------
  { department: 'Household', top: 'Household', category: 'Cleaning', aisle: 'A9', items: [
    { name: 'Dish Soap', brands: ['Sparkle', 'GreenHome', STORE], variants: ['Original', 'Lemon', 'Free & Clear'], sizes: ['19 oz'], price: 299, synonyms: 'dishwashing liquid; washing up liquid; detergent for dishes; wash dishes', desc: 'Grease-cutting dish soap for washing dishes by hand.', max: 6 },
    { name: 'Dishwasher Detergent Pods', brands: ['Sparkle', 'GreenHome'], sizes: ['42 ct'], price: 1299, synonyms: 'dishwasher tablets; dishwasher pods; wash dishes', desc: 'All-in-one dishwasher pods.' },
    { name: 'All Purpose Cleaner', brands: ['Sparkle', 'GreenHome', STORE], variants: ['Lemon', 'Lavender'], sizes: ['32 oz spray'], price: 399, synonyms: 'surface cleaner; multi-surface spray; cleaning spray', desc: 'Cleans kitchens and bathrooms.' },
    { name: 'Disinfecting Wipes', brands: ['Sparkle', STORE], variants: ['Lemon', 'Fresh Scent'], sizes: ['75 ct'], price: 549, synonyms: 'antibacterial wipes; sanitizing wipes; cleaning wipes', desc: 'Kills 99.9% of germs on hard surfaces.' },
    { name: 'Glass Cleaner', brands: ['Sparkle'], sizes: ['26 oz spray'], price: 349, synonyms: 'window cleaner', desc: 'Streak-free glass cleaner.' },
    { name: 'Toilet Bowl Cleaner', brands: ['Sparkle', 'GreenHome'], sizes: ['24 oz'], price: 299, synonyms: 'toilet cleaner; bathroom cleaner', desc: 'Removes stains and limescale.' },
    { name: 'Bleach', brands: ['Sparkle', STORE], variants: ['Regular', 'Splash-Less'], sizes: ['81 oz'], price: 449, synonyms: 'chlorine bleach; disinfectant', desc: 'Disinfecting bleach.' },
    { name: 'Sponges', brands: ['Sparkle', STORE], variants: ['Scrub', 'Non-Scratch'], sizes: ['6 pk'], price: 399, synonyms: 'scourer; scrubbing sponge', desc: 'Heavy duty scrub sponges.' },
    { name: 'Rubber Gloves', brands: ['Sparkle'], variants: ['Medium', 'Large'], sizes: ['1 pair'], price: 299, synonyms: 'cleaning gloves; dish gloves', desc: 'Reusable latex-free cleaning gloves.' },
    { name: 'Trash Bags', brands: ['Everyday', STORE], variants: ['Tall Kitchen 13 Gal', 'Large 33 Gal', 'Small 4 Gal'], sizes: ['40 ct'], price: 899, synonyms: 'garbage bags; bin bags; bin liners', desc: 'Drawstring trash bags.' },
  ] },
  { department: 'Household', top: 'Household', category: 'Laundry', aisle: 'A9', items: [
    { name: 'Laundry Detergent', brands: ['Brightwash', 'GreenHome', STORE], variants: ['Original', 'Free & Clear', 'Spring Fresh'], sizes: ['92 oz', '128 oz'], price: 1199, synonyms: 'washing detergent; clothes soap; washing powder', desc: 'HE liquid laundry detergent.', max: 7 },
    { name: 'Laundry Pods', brands: ['Brightwash'], variants: ['Original', 'Sensitive'], sizes: ['42 ct'], price: 1399, synonyms: 'detergent pacs; washing capsules', desc: '3-in-1 laundry detergent pods.' },
    { name: 'Fabric Softener', brands: ['Fresh Linen'], variants: ['Liquid', 'Dryer Sheets'], sizes: ['64 oz', '120 ct'], price: 649, synonyms: 'softener; dryer sheets', desc: 'Softens clothes and reduces static.' },
    { name: 'Stain Remover', brands: ['Brightwash'], sizes: ['22 oz spray'], price: 499, synonyms: 'spot remover', desc: 'Pre-wash stain remover spray.' },
  ] },
  // ---------------- Household: paper & home (A10) ----------------
  { department: 'Household', top: 'Household', category: 'Paper Goods', aisle: 'A10', items: [
    { name: 'Toilet Paper', brands: ['Cloudsoft', STORE], variants: ['Ultra Soft', 'Strong'], sizes: ['12 double rolls', '24 rolls'], price: 1099, synonyms: 'bath tissue; toilet tissue; loo roll', desc: '2-ply toilet paper.' },
    { name: 'Paper Towels', brands: ['Quickwipe', STORE], variants: ['Select-A-Size', 'Full Sheet'], sizes: ['6 rolls'], price: 999, synonyms: 'kitchen roll; kitchen towels', desc: 'Absorbent paper towels.' },
    { name: 'Facial Tissues', brands: ['Cloudsoft'], variants: ['', 'with Lotion'], sizes: ['3 boxes'], price: 549, synonyms: 'tissues; kleenex-type', desc: 'Soft facial tissues.' },
    { name: 'Paper Napkins', brands: ['Everyday'], sizes: ['250 ct'], price: 399, synonyms: 'serviettes', desc: 'White paper napkins.' },
    { name: 'Paper Plates', brands: ['Everyday'], sizes: ['50 ct'], price: 549, synonyms: 'disposable plates', desc: 'Sturdy paper plates.' },
  ] },
  { department: 'Household', top: 'Household', category: 'Kitchen & Storage', aisle: 'A10', items: [
    { name: 'Aluminum Foil', brands: ['Everyday', STORE], sizes: ['75 sq ft'], price: 449, synonyms: 'tin foil; kitchen foil', desc: 'Heavy duty aluminum foil.' },
    { name: 'Plastic Wrap', brands: ['Everyday'], sizes: ['200 sq ft'], price: 349, synonyms: 'cling film; saran wrap', desc: 'Clinging plastic food wrap.' },
    { name: 'Zipper Storage Bags', brands: ['Everyday', STORE], variants: ['Sandwich', 'Quart', 'Gallon'], sizes: ['50 ct'], price: 399, synonyms: 'ziploc-type bags; freezer bags; food bags', desc: 'Resealable storage bags.' },
    { name: 'Parchment Paper', brands: ['Everyday'], sizes: ['45 sq ft'], price: 449, synonyms: 'baking paper', desc: 'Non-stick parchment paper.' },
    { name: 'Food Storage Containers', brands: ['Everyday'], sizes: ['10 pc set'], price: 1299, synonyms: 'tupperware-type; lunch boxes', desc: 'BPA-free reusable containers.' },
    { name: 'Candles', brands: ['Fresh Linen'], variants: ['Vanilla', 'Cotton', 'Pine'], sizes: ['14 oz jar'], price: 999, synonyms: 'scented candle', desc: 'Scented jar candle.' },
    { name: 'Air Freshener', brands: ['Fresh Linen'], variants: ['Linen', 'Citrus'], sizes: ['8 oz spray'], price: 349, synonyms: 'room spray; odor eliminator', desc: 'Odor-eliminating room spray.' },
    { name: 'Matches', brands: ['Everyday'], sizes: ['10 boxes'], price: 249, synonyms: 'matchsticks', desc: 'Wooden kitchen matches.' },
  ] },
  // ---------------- Health & beauty (A11) ----------------
  { department: 'Health & Beauty', top: 'Health & Beauty', category: 'Oral Care', aisle: 'A11', items: [
    { name: 'Toothpaste', brands: ['Smile Bright', STORE], variants: ['Whitening', 'Sensitive', 'Cavity Protection', 'Charcoal'], sizes: ['4.8 oz'], price: 399, synonyms: 'tooth paste; dentifrice; fluoride toothpaste', desc: 'Fluoride toothpaste.' },
    { name: 'Toothbrush', brands: ['Smile Bright'], variants: ['Soft', 'Medium', 'Kids'], sizes: ['2 pk'], price: 349, synonyms: 'tooth brush', desc: 'Toothbrushes with soft bristles.' },
    { name: 'Electric Toothbrush', brands: ['Smile Bright'], sizes: ['1 ct'], price: 3999, synonyms: 'sonic toothbrush; power toothbrush', desc: 'Rechargeable sonic toothbrush.' },
    { name: 'Mouthwash', brands: ['Smile Bright', STORE], variants: ['Cool Mint', 'Alcohol Free'], sizes: ['1 L'], price: 549, synonyms: 'mouth rinse', desc: 'Antiseptic mouthwash for fresh breath.' },
    { name: 'Dental Floss', brands: ['Smile Bright'], variants: ['Mint', 'Unflavored'], sizes: ['55 yd'], price: 299, synonyms: 'floss', desc: 'Waxed dental floss.' },
  ] },
  { department: 'Health & Beauty', top: 'Health & Beauty', category: 'Hair Care', aisle: 'A11', items: [
    { name: 'Shampoo', brands: ['Silk & Stone', 'Pure Petal', STORE], variants: ['Moisturizing', 'Volumizing', 'Anti-Dandruff'], sizes: ['12.6 oz'], price: 599, synonyms: 'hair wash', desc: 'Salon-quality shampoo.', max: 7 },
    { name: 'Conditioner', brands: ['Silk & Stone', 'Pure Petal'], variants: ['Moisturizing', 'Smoothing'], sizes: ['12.6 oz'], price: 599, synonyms: 'hair conditioner', desc: 'Detangling conditioner.' },
    { name: 'Hair Spray', brands: ['Silk & Stone'], sizes: ['10 oz'], price: 499, synonyms: 'hairspray', desc: 'Flexible hold hair spray.' },
    { name: 'Dry Shampoo', brands: ['Silk & Stone'], sizes: ['5 oz'], price: 699, synonyms: 'hair refresher', desc: 'Absorbs oil between washes.' },
  ] },
  { department: 'Health & Beauty', top: 'Health & Beauty', category: 'Skin & Body', aisle: 'A11', items: [
    { name: 'Body Wash', brands: ['Pure Petal', 'Dermacare', STORE], variants: ['Shea Butter', 'Sensitive Skin', 'Eucalyptus'], sizes: ['18 oz'], price: 599, synonyms: 'shower gel', desc: 'Moisturizing body wash.', max: 6 },
    { name: 'Bar Soap', brands: ['Pure Petal'], variants: ['Oatmeal', 'Lavender', 'Unscented'], sizes: ['4 bars'], price: 499, synonyms: 'soap; hand soap', desc: 'Gentle cleansing bars.' },
    { name: 'Hand Soap', brands: ['Pure Petal', STORE], variants: ['Lavender', 'Citrus'], sizes: ['11 oz pump'], price: 299, synonyms: 'liquid soap; hand wash', desc: 'Liquid hand soap.' },
    { name: 'Hand Sanitizer', brands: ['Dermacare', STORE], sizes: ['8 oz'], price: 349, synonyms: 'sanitiser; alcohol gel', desc: '70% alcohol hand sanitizer gel.' },
    { name: 'Body Lotion', brands: ['Dermacare', 'Pure Petal'], variants: ['Daily Moisture', 'Extra Dry Skin'], sizes: ['16 oz'], price: 799, synonyms: 'moisturizer; moisturiser; cream for dry skin', desc: 'Fragrance-free lotion for dry skin.' },
    { name: 'Sunscreen Lotion', brands: ['Dermacare', STORE], variants: ['SPF 30', 'SPF 50', 'Kids SPF 50'], sizes: ['8 oz'], price: 999, synonyms: 'sunblock; sun cream; spf', desc: 'Broad spectrum water-resistant sunscreen.' },
    { name: 'Lip Balm', brands: ['Dermacare'], variants: ['Original', 'SPF 15'], sizes: ['3 pk'], price: 349, synonyms: 'chapstick; lip care', desc: 'Moisturizing lip balm.' },
    { name: 'Facial Cleanser', brands: ['Dermacare'], variants: ['Foaming', 'Hydrating'], sizes: ['12 oz'], price: 1099, synonyms: 'face wash', desc: 'Gentle daily facial cleanser.' },
    { name: 'Deodorant', brands: ['Pure Petal', 'Glide'], variants: ['Fresh', 'Unscented', 'Sport'], sizes: ['2.6 oz'], price: 499, synonyms: 'antiperspirant; deo', desc: '48-hour deodorant.' },
  ] },
  { department: 'Health & Beauty', top: 'Health & Beauty', category: 'Shaving & Personal Care', aisle: 'A11', items: [
    { name: 'Razors', brands: ['Glide', STORE], variants: ['5-Blade', 'Disposable'], sizes: ['4 ct'], price: 1299, synonyms: 'razor; shaver; razor blades', desc: 'Smooth-glide razors.' },
    { name: 'Shaving Cream', brands: ['Glide'], variants: ['Sensitive', 'Original'], sizes: ['7 oz'], price: 399, synonyms: 'shave gel; shaving foam', desc: 'Rich lather shaving cream.' },
    { name: 'Cotton Swabs', brands: ['Cloudsoft', STORE], sizes: ['500 ct'], price: 349, synonyms: 'q-tips; cotton buds', desc: 'Double-tipped cotton swabs.' },
    { name: 'Feminine Pads', brands: ['Cloudsoft'], variants: ['Regular', 'Overnight'], sizes: ['36 ct'], price: 799, synonyms: 'sanitary pads; period pads; sanitary towels', desc: 'Ultra thin pads with wings.' },
    { name: 'Tampons', brands: ['Cloudsoft'], variants: ['Regular', 'Super'], sizes: ['36 ct'], price: 899, synonyms: 'period products', desc: 'Unscented tampons.' },
    { name: 'Nail Clippers', brands: ['Glide'], sizes: ['1 ct'], price: 399, synonyms: 'nail cutter', desc: 'Stainless steel nail clippers.' },
  ] },
  // ---------------- Pharmacy (A12) ----------------
  { department: 'Pharmacy', top: 'Pharmacy', category: 'Pain Relief', aisle: 'A12', items: [
    { name: 'Acetaminophen Tablets 500 mg', brands: ['CareWell', 'Relievo'], variants: ['Extra Strength', ''], sizes: ['100 ct', '24 ct'], price: 899, tags: ['gluten_free'], synonyms: 'acetaminophen; paracetamol; tylenol-type; pain reliever; painkiller; headache; fever reducer', desc: 'Pain reliever and fever reducer for headaches, muscle aches and fever.', max: 3 },
    { name: 'Ibuprofen Tablets 200 mg', brands: ['CareWell', 'Relievo'], variants: ['', 'Liquid Gels'], sizes: ['100 ct', '40 ct'], price: 799, tags: ['gluten_free'], synonyms: 'ibuprofen; advil-type; motrin-type; nsaid; pain reliever; painkiller; headache; anti-inflammatory', desc: 'Pain reliever for headaches, back pain, toothache and menstrual cramps.' },
    { name: 'Naproxen Sodium Tablets 220 mg', brands: ['CareWell'], sizes: ['50 ct'], price: 849, tags: ['gluten_free'], synonyms: 'naproxen; aleve-type; pain reliever; painkiller; arthritis pain', desc: '12-hour pain relief for aches and pains.' },
    { name: 'Aspirin 81 mg', brands: ['CareWell', 'Relievo'], variants: ['Low Dose'], sizes: ['120 ct'], price: 499, tags: ['gluten_free'], synonyms: 'aspirin; baby aspirin; pain reliever', desc: 'Low dose aspirin, enteric coated.' },
    { name: "Children's Acetaminophen Liquid", brands: ['CareWell'], variants: ['Cherry', 'Grape'], sizes: ['4 fl oz'], price: 749, synonyms: 'kids fever medicine; infant pain reliever; paracetamol syrup', desc: 'Pain and fever relief for children 2 to 11.' },
    { name: 'Pain Relief Cream', brands: ['Relievo'], variants: ['Menthol', 'Lidocaine'], sizes: ['3 oz'], price: 899, synonyms: 'muscle rub; sore muscles; back pain', desc: 'Topical cream for sore muscles and joints.' },
    { name: 'Migraine Relief Caplets', brands: ['Relievo'], sizes: ['24 ct'], price: 899, synonyms: 'migraine; headache; excedrin-type', desc: 'Acetaminophen, aspirin and caffeine for migraine headaches.' },
  ] },
  { department: 'Pharmacy', top: 'Pharmacy', category: 'Cold, Flu & Allergy', aisle: 'A12', items: [
    { name: 'Cold & Flu Relief', brands: ['CareWell', 'Sniffex'], variants: ['Daytime', 'Nighttime', 'Severe'], sizes: ['24 caplets'], price: 899, synonyms: 'cold medicine; flu medicine; dayquil-type; nyquil-type; congestion', desc: 'Multi-symptom cold and flu relief: fever, aches, cough and congestion.' },
    { name: 'Cough Syrup', brands: ['Sniffex', 'CareWell'], variants: ['DM', 'Honey Lemon'], sizes: ['8 fl oz'], price: 999, synonyms: 'cough medicine; cough suppressant; sore throat', desc: 'Cough suppressant syrup.' },
    { name: 'Throat Lozenges', brands: ['Sniffex', STORE], variants: ['Honey Lemon', 'Cherry', 'Menthol'], sizes: ['30 ct'], price: 299, synonyms: 'cough drops; sore throat', desc: 'Soothing throat lozenges.' },
    { name: 'Nasal Spray', brands: ['Sniffex'], variants: ['Saline', '12 Hour Decongestant'], sizes: ['1 fl oz'], price: 799, synonyms: 'nose spray; blocked nose; stuffy nose; congestion', desc: 'Fast relief for a stuffy nose.' },
    { name: 'Loratadine Tablets 10 mg', brands: ['Histafree', 'CareWell'], sizes: ['30 ct'], price: 1299, synonyms: 'loratadine; claritin-type; antihistamine; allergy relief; hay fever', desc: 'Non-drowsy 24-hour allergy relief.' },
    { name: 'Cetirizine Tablets 10 mg', brands: ['Histafree', 'CareWell'], sizes: ['30 ct'], price: 1399, synonyms: 'cetirizine; zyrtec-type; antihistamine; allergy relief; hay fever', desc: '24-hour allergy relief for sneezing and itchy eyes.' },
    { name: 'Diphenhydramine Allergy Tablets', brands: ['Histafree'], sizes: ['24 ct'], price: 599, synonyms: 'diphenhydramine; benadryl-type; antihistamine; allergy', desc: 'Allergy relief; may cause drowsiness.' },
    { name: 'Allergy Eye Drops', brands: ['Histafree'], sizes: ['0.5 fl oz'], price: 899, synonyms: 'eye drops; itchy eyes', desc: 'Relieves itchy, watery eyes.' },
  ] },
  { department: 'Pharmacy', top: 'Pharmacy', category: 'Digestive Health', aisle: 'A12', items: [
    { name: 'Antacid Chewables', brands: ['CareWell', 'Relievo'], variants: ['Mixed Berry', 'Peppermint'], sizes: ['96 ct'], price: 599, synonyms: 'antacid; heartburn relief; indigestion; tums-type; upset stomach', desc: 'Fast heartburn and indigestion relief.' },
    { name: 'Anti-Diarrheal Caplets', brands: ['CareWell'], sizes: ['24 ct'], price: 799, synonyms: 'loperamide; imodium-type; upset stomach', desc: 'Loperamide for diarrhea relief.' },
    { name: 'Stool Softener', brands: ['CareWell'], sizes: ['60 ct'], price: 699, synonyms: 'laxative; constipation relief', desc: 'Gentle docusate stool softener.' },
    { name: 'Probiotic Capsules', brands: ['VitaDay'], sizes: ['30 ct'], price: 1999, synonyms: 'probiotics; gut health', desc: 'Daily probiotic for digestive health.' },
    { name: 'Motion Sickness Tablets', brands: ['CareWell'], sizes: ['12 ct'], price: 549, synonyms: 'travel sickness; nausea; dramamine-type', desc: 'Prevents nausea from motion sickness.' },
  ] },
  { department: 'Pharmacy', top: 'Pharmacy', category: 'First Aid', aisle: 'A12', items: [
    { name: 'Adhesive Bandages', brands: ['Patch Pro', STORE], variants: ['Assorted', 'Fabric', 'Waterproof', 'Kids'], sizes: ['30 ct'], price: 399, synonyms: 'band-aids; plasters; bandaids', desc: 'Flexible adhesive bandages for cuts and scrapes.' },
    { name: 'First Aid Kit', brands: ['Patch Pro'], variants: ['Travel', 'Home'], sizes: ['100 pc'], price: 1499, synonyms: 'first-aid kit; emergency kit', desc: 'Bandages, gauze, wipes and more.' },
    { name: 'Antibiotic Ointment', brands: ['Patch Pro', STORE], sizes: ['1 oz'], price: 599, synonyms: 'neosporin-type; wound cream; triple antibiotic', desc: 'First aid antibiotic ointment.' },
    { name: 'Hydrocortisone Cream 1%', brands: ['Patch Pro'], sizes: ['1 oz'], price: 499, synonyms: 'itch cream; anti-itch; rash cream', desc: 'Relieves itching and rashes.' },
    { name: 'Gauze Pads', brands: ['Patch Pro'], sizes: ['25 ct'], price: 449, synonyms: 'gauze; wound dressing', desc: 'Sterile gauze pads.' },
    { name: 'Elastic Bandage', brands: ['Patch Pro'], sizes: ['3 in'], price: 549, synonyms: 'ace bandage; compression wrap; sprain', desc: 'Compression wrap for sprains.' },
    { name: 'Instant Cold Pack', brands: ['Patch Pro'], sizes: ['2 ct'], price: 599, synonyms: 'ice pack; cold compress', desc: 'Single-use instant cold packs.' },
    { name: 'Digital Thermometer', brands: ['CareWell'], sizes: ['1 ct'], price: 999, synonyms: 'thermometer; fever thermometer', desc: 'Fast-read digital thermometer.' },
    { name: 'Isopropyl Alcohol 70%', brands: ['CareWell', STORE], sizes: ['16 fl oz'], price: 199, synonyms: 'rubbing alcohol; antiseptic', desc: 'First aid antiseptic.' },
    { name: 'Hydrogen Peroxide 3%', brands: ['CareWell'], sizes: ['32 fl oz'], price: 149, synonyms: 'peroxide; antiseptic', desc: 'First aid antiseptic.' },
  ] },
  { department: 'Pharmacy', top: 'Pharmacy', category: 'Vitamins & Supplements', aisle: 'A12', items: [
    { name: 'Multivitamin', brands: ['VitaDay', STORE], variants: ["Men's", "Women's", 'Adult 50+', 'Gummy'], sizes: ['100 ct'], price: 1199, synonyms: 'vitamins; daily vitamin; multivitamins', desc: 'Complete daily multivitamin.' },
    { name: 'Vitamin D3 2000 IU', brands: ['VitaDay', STORE], sizes: ['120 softgels'], price: 899, tags: ['gluten_free'], synonyms: 'vitamin d; sunshine vitamin', desc: 'Supports bone and immune health.' },
    { name: 'Vitamin C 1000 mg', brands: ['VitaDay', STORE], sizes: ['100 ct'], price: 899, tags: ['vegan', 'gluten_free'], synonyms: 'vitamin c; immune support', desc: 'Immune support.' },
    { name: 'Fish Oil Omega-3', brands: ['VitaDay'], sizes: ['120 softgels'], price: 1499, synonyms: 'omega 3; fish oil', desc: 'Heart health omega-3.' },
    { name: 'Melatonin 5 mg', brands: ['VitaDay', STORE], sizes: ['60 ct'], price: 699, tags: ['vegan'], synonyms: 'melatonin; sleep aid; insomnia; trouble sleeping', desc: 'Drug-free sleep support.' },
    { name: 'Calcium + D', brands: ['VitaDay'], sizes: ['120 ct'], price: 999, synonyms: 'calcium', desc: 'Calcium with vitamin D for bones.' },
    { name: 'Iron Supplement 65 mg', brands: ['VitaDay'], sizes: ['100 ct'], price: 799, synonyms: 'iron; ferrous sulfate', desc: 'Iron supplement.' },
    { name: 'Whey Protein Powder', brands: ['Voltade'], variants: ['Chocolate', 'Vanilla'], sizes: ['2 lb'], price: 2999, synonyms: 'protein powder; protein shake', desc: '25 g protein per scoop.' },
  ] },
  { department: 'Pharmacy', top: 'Pharmacy', category: 'Eye & Ear Care', aisle: 'A12', items: [
    { name: 'Lubricating Eye Drops', brands: ['CareWell'], sizes: ['0.5 fl oz'], price: 799, synonyms: 'dry eyes; artificial tears; eye drops', desc: 'Relief for dry eyes.' },
    { name: 'Contact Lens Solution', brands: ['CareWell'], sizes: ['12 fl oz'], price: 999, synonyms: 'lens solution; saline', desc: 'Multi-purpose contact lens solution.' },
    { name: 'Reading Glasses', brands: ['CareWell'], variants: ['+1.50', '+2.00', '+2.50'], sizes: ['1 pair'], price: 1499, synonyms: 'readers; glasses', desc: 'Reading glasses with case.' },
    { name: 'Ear Plugs', brands: ['CareWell'], sizes: ['20 pairs'], price: 499, synonyms: 'earplugs; noise', desc: 'Foam ear plugs.' },
  ] },
  // ---------------- Electronics (A13) ----------------
  { department: 'Electronics', top: 'Electronics', category: 'Batteries', aisle: 'A13', items: [
    { name: 'AA Alkaline Batteries', brands: ['Voltline', STORE], sizes: ['8 pk', '24 pk'], price: 899, synonyms: 'double a; aa batteries; aa battery; batteries', desc: 'Long-lasting AA alkaline batteries.' },
    { name: 'AAA Alkaline Batteries', brands: ['Voltline', STORE], sizes: ['8 pk', '24 pk'], price: 899, synonyms: 'triple a; aaa batteries; aaa battery; batteries', desc: 'Long-lasting AAA alkaline batteries.' },
    { name: 'C Alkaline Batteries', brands: ['Voltline'], sizes: ['4 pk'], price: 799, synonyms: 'c batteries; c battery; batteries', desc: 'C size alkaline batteries.' },
    { name: 'D Alkaline Batteries', brands: ['Voltline'], sizes: ['4 pk'], price: 899, synonyms: 'd batteries; d battery; batteries', desc: 'D size alkaline batteries.' },
    { name: '9V Alkaline Battery', brands: ['Voltline'], sizes: ['2 pk'], price: 799, synonyms: '9 volt; smoke alarm battery; batteries', desc: '9-volt batteries for smoke alarms.' },
    { name: 'CR2032 Coin Battery', brands: ['Voltline'], sizes: ['4 pk'], price: 699, synonyms: 'coin cell; button battery; watch battery; batteries', desc: '3V lithium coin cells for watches and key fobs.' },
    { name: 'Rechargeable AA Batteries', brands: ['Voltline'], sizes: ['4 pk'], price: 1499, synonyms: 'nimh; rechargeable batteries; batteries', desc: 'Pre-charged NiMH AA batteries.' },
    { name: 'Battery Charger', brands: ['Voltline'], sizes: ['1 ct'], price: 1999, synonyms: 'battery charger for aa aaa', desc: 'Charger for AA and AAA NiMH batteries.' },
  ] },
  { department: 'Electronics', top: 'Electronics', category: 'Chargers & Cables', aisle: 'A13', items: [
    { name: 'USB-C Charging Cable', brands: ['Linkwire', STORE], variants: ['3 ft', '6 ft', '10 ft'], sizes: ['1 ct'], price: 999, synonyms: 'usb c cable; type-c cable; phone charger cable; android charger', desc: 'Braided USB-C to USB-C fast charging cable.' },
    { name: 'Lightning Cable', brands: ['Linkwire'], variants: ['3 ft', '6 ft'], sizes: ['1 ct'], price: 1499, synonyms: 'iphone cable; iphone charger cable; apple cable', desc: 'Certified Lightning to USB-C cable for iPhone.' },
    { name: 'Wall Charger 20W USB-C', brands: ['ChargeIt', STORE], sizes: ['1 ct'], price: 1499, synonyms: 'phone charger; power adapter; charging plug; iphone charger; fast charger', desc: 'Compact fast wall charger.' },
    { name: 'Car Charger Dual USB', brands: ['ChargeIt'], sizes: ['1 ct'], price: 1299, synonyms: 'car phone charger; cigarette lighter charger', desc: 'Dual port car charger.' },
    { name: 'Portable Power Bank 10000 mAh', brands: ['ChargeIt'], sizes: ['1 ct'], price: 2999, synonyms: 'power bank; battery pack; portable charger', desc: 'Slim power bank charges a phone twice.' },
    { name: 'Wireless Charging Pad', brands: ['ChargeIt'], sizes: ['1 ct'], price: 1999, synonyms: 'qi charger; wireless charger', desc: '15W Qi wireless charger.' },
    { name: 'HDMI Cable', brands: ['Linkwire'], variants: ['6 ft', '10 ft'], sizes: ['1 ct'], price: 1299, synonyms: 'tv cable; hdmi cord', desc: 'High speed 4K HDMI cable.' },
    { name: 'Extension Cord', brands: ['Linkwire'], variants: ['6 ft', '15 ft'], sizes: ['1 ct'], price: 899, synonyms: 'power cord; extension lead', desc: '3-outlet indoor extension cord.' },
    { name: 'Surge Protector Power Strip', brands: ['Linkwire'], sizes: ['6 outlet'], price: 1999, synonyms: 'power strip; multi plug; surge suppressor', desc: 'Power strip with surge protection.' },
  ] },
  { department: 'Electronics', top: 'Electronics', category: 'Audio', aisle: 'A13', items: [
    { name: 'Wireless Earbuds', brands: ['SoundPeak'], variants: ['Black', 'White'], sizes: ['1 ct'], price: 4999, synonyms: 'bluetooth earbuds; earphones; true wireless; airpods-type', desc: 'Bluetooth earbuds with charging case.' },
    { name: 'Wired Earbuds', brands: ['SoundPeak', STORE], sizes: ['1 ct'], price: 999, synonyms: 'earphones; headphones with mic', desc: 'In-ear headphones with microphone.' },
    { name: 'Over-Ear Headphones', brands: ['SoundPeak'], variants: ['Wireless Noise Cancelling', 'Wired'], sizes: ['1 ct'], price: 7999, synonyms: 'headphones; headset; noise cancelling', desc: 'Comfortable over-ear headphones.' },
    { name: 'Bluetooth Speaker', brands: ['SoundPeak'], variants: ['Mini', 'Waterproof'], sizes: ['1 ct'], price: 2999, synonyms: 'portable speaker; wireless speaker', desc: 'Portable Bluetooth speaker.' },
  ] },
  { department: 'Electronics', top: 'Electronics', category: 'Lighting', aisle: 'A13', items: [
    { name: 'LED Light Bulbs A19', brands: ['Lumina', STORE], variants: ['60W Equivalent Soft White', '60W Equivalent Daylight', '100W Equivalent Soft White'], sizes: ['4 pk'], price: 999, synonyms: 'light bulbs; lightbulb; led bulb; lamp bulb', desc: 'Energy-saving LED bulbs, E26 base.' },
    { name: 'Smart LED Bulb', brands: ['Lumina'], sizes: ['1 ct'], price: 1499, synonyms: 'wifi bulb; color bulb', desc: 'Color-changing Wi-Fi smart bulb.' },
    { name: 'Candelabra LED Bulbs', brands: ['Lumina'], sizes: ['2 pk'], price: 699, synonyms: 'chandelier bulbs; e12 bulbs', desc: 'E12 base LED bulbs for chandeliers.' },
    { name: 'LED Flashlight', brands: ['Lumina', 'Voltline'], sizes: ['1 ct'], price: 1299, synonyms: 'torch; flashlight', desc: 'Bright LED flashlight, batteries included.' },
    { name: 'Night Light', brands: ['Lumina'], sizes: ['2 pk'], price: 799, synonyms: 'plug-in light', desc: 'Auto dusk-to-dawn LED night light.' },
  ] },
  { department: 'Electronics', top: 'Electronics', category: 'Accessories', aisle: 'A13', items: [
    { name: 'Phone Case', brands: ['Linkwire'], variants: ['Clear', 'Rugged'], sizes: ['1 ct'], price: 1499, synonyms: 'phone cover', desc: 'Protective phone case.' },
    { name: 'Screen Protector', brands: ['Linkwire'], sizes: ['2 pk'], price: 999, synonyms: 'tempered glass', desc: 'Tempered glass screen protector.' },
    { name: 'USB Flash Drive', brands: ['Linkwire'], variants: ['32 GB', '128 GB'], sizes: ['1 ct'], price: 999, synonyms: 'thumb drive; memory stick; usb stick', desc: 'USB 3.0 flash drive.' },
    { name: 'microSD Card', brands: ['Linkwire'], variants: ['64 GB', '256 GB'], sizes: ['1 ct'], price: 1299, synonyms: 'memory card; sd card', desc: 'microSD card with adapter.' },
    { name: 'Wireless Mouse', brands: ['Linkwire'], sizes: ['1 ct'], price: 1499, synonyms: 'computer mouse', desc: 'Compact wireless mouse.' },
  ] },
  // ---------------- Baby & pet (A14) ----------------
  { department: 'Baby', top: 'Baby', category: 'Diapers & Wipes', aisle: 'A14', items: [
    { name: 'Diapers', brands: ['Little Sprout', STORE], variants: ['Size 1', 'Size 2', 'Size 3', 'Size 4', 'Size 5'], sizes: ['jumbo pack'], price: 1299, synonyms: 'nappies; diaper', desc: 'Soft, leak-protection diapers.' },
    { name: 'Baby Wipes', brands: ['Little Sprout', STORE], variants: ['Unscented', 'Sensitive'], sizes: ['3 pk 216 ct'], price: 899, synonyms: 'wet wipes', desc: 'Fragrance-free baby wipes.' },
    { name: 'Training Pants', brands: ['Little Sprout'], variants: ['2T-3T', '3T-4T'], sizes: ['26 ct'], price: 1199, synonyms: 'pull-ups; potty training', desc: 'Pull-on training pants.' },
    { name: 'Diaper Rash Cream', brands: ['Cuddle Bear'], sizes: ['4 oz'], price: 699, synonyms: 'nappy cream; zinc oxide', desc: 'Soothes and prevents diaper rash.' },
  ] },
  { department: 'Baby', top: 'Baby', category: 'Baby Food & Care', aisle: 'A14', items: [
    { name: 'Infant Formula', brands: ['Little Sprout'], variants: ['Milk-Based', 'Sensitive', 'Soy'], sizes: ['29.8 oz'], price: 3299, synonyms: 'baby formula; baby milk', desc: 'Complete nutrition for infants.' },
    { name: 'Baby Food Pouch', brands: ['Little Sprout'], variants: ['Apple Banana', 'Pear Spinach', 'Sweet Potato'], sizes: ['4 oz'], price: 149, tags: ['organic', 'vegan'], synonyms: 'baby puree; baby food', desc: 'Organic fruit and veggie puree.' },
    { name: 'Baby Cereal', brands: ['Little Sprout'], variants: ['Oatmeal', 'Rice'], sizes: ['8 oz'], price: 349, synonyms: 'infant cereal', desc: 'Iron-fortified baby cereal.' },
    { name: 'Baby Shampoo & Wash', brands: ['Cuddle Bear'], sizes: ['13.6 oz'], price: 599, synonyms: 'baby soap; tear free shampoo', desc: 'Tear-free baby wash.' },
    { name: 'Baby Bottles', brands: ['Cuddle Bear'], sizes: ['3 pk 9 oz'], price: 1499, synonyms: 'feeding bottles', desc: 'Anti-colic baby bottles.' },
    { name: 'Pacifiers', brands: ['Cuddle Bear'], variants: ['0-6 m', '6-18 m'], sizes: ['2 pk'], price: 599, synonyms: 'dummy; soother', desc: 'Orthodontic pacifiers.' },
  ] },
  { department: 'Pet', top: 'Pet', category: 'Dog', aisle: 'A14', items: [
    { name: 'Dry Dog Food', brands: ['Happy Paws', STORE], variants: ['Chicken & Rice', 'Lamb & Rice', 'Puppy', 'Senior'], sizes: ['15 lb bag'], price: 2499, synonyms: 'dog kibble; dog food', desc: 'Complete dry food for dogs.' },
    { name: 'Wet Dog Food', brands: ['Happy Paws'], variants: ['Beef Stew', 'Chicken Dinner'], sizes: ['13 oz can'], price: 249, synonyms: 'canned dog food; dog food', desc: 'Hearty wet dog food.' },
    { name: 'Dog Treats', brands: ['Happy Paws'], variants: ['Dental Chews', 'Peanut Butter Biscuits', 'Jerky Strips'], sizes: ['16 oz'], price: 799, synonyms: 'dog biscuits; dog chews', desc: 'Treats dogs love.' },
    { name: 'Dog Poop Bags', brands: ['Happy Paws'], sizes: ['120 ct'], price: 599, synonyms: 'waste bags; pet waste bags', desc: 'Leak-proof waste bags.' },
  ] },
  { department: 'Pet', top: 'Pet', category: 'Cat', aisle: 'A14', items: [
    { name: 'Dry Cat Food', brands: ['Whisker Bay', STORE], variants: ['Salmon', 'Chicken', 'Indoor', 'Kitten'], sizes: ['7 lb bag'], price: 1399, synonyms: 'cat kibble; cat food', desc: 'Complete dry food for cats.' },
    { name: 'Wet Cat Food', brands: ['Whisker Bay'], variants: ['Tuna Pate', 'Chicken Pate', 'Variety Pack'], sizes: ['3 oz can', '12 pk'], price: 99, synonyms: 'canned cat food; cat food', desc: 'Tender wet cat food.' },
    { name: 'Clumping Cat Litter', brands: ['Whisker Bay', STORE], variants: ['Unscented', 'Fresh Scent'], sizes: ['20 lb'], price: 1299, synonyms: 'kitty litter; cat litter', desc: 'Low-dust clumping litter.' },
    { name: 'Cat Treats', brands: ['Whisker Bay'], variants: ['Salmon', 'Catnip'], sizes: ['3 oz'], price: 299, synonyms: 'kitty treats', desc: 'Crunchy cat treats.' },
  ] },
];

/** Prices end in 9, like shelf prices do. */
function shelfPrice(cents: number): number {
  return Math.max(49, Math.round(cents / 10) * 10 - 1);
}

const DEPT_CODE: Record<string, string> = {
  Produce: 'PRD', 'Dairy & Eggs': 'DRY', Bakery: 'BAK', Pantry: 'PAN', 'Breakfast & Spreads': 'BRK', Snacks: 'SNK', Beverages: 'BEV',
  Frozen: 'FRZ', Household: 'HSH', 'Health & Beauty': 'HBA', Pharmacy: 'PHM', Electronics: 'ELC', Baby: 'BBY', Pet: 'PET',
};

export function generateCatalog(): { aisles: unknown[]; landmarks: unknown[]; products: Record<string, unknown>[] } {
  const rnd = mulberry32(20260314); // seeded, so the file is the same on every run
  const brandCodes = new Map<string, number>();
  const products: Record<string, unknown>[] = [];
  const bayCursor = new Map<string, number>();
  for (const cat of C) {
    for (const item of cat.items) {
      const combos: Array<[string, string]> = [];
      for (const brand of item.brands) for (const v of item.variants ?? ['']) combos.push([brand, v]);
      const chosen = combos.slice(0, item.max ?? combos.length);
      for (const [ci, [brand, variant]] of chosen.entries()) {
        const n = products.length + 1;
        if (!brandCodes.has(brand)) brandCodes.set(brand, brandCodes.size + 1);
        const size = item.sizes[ci % item.sizes.length]!;
        const sizeFactor = ci % item.sizes.length === 0 ? 1 : 1.8;
        const brandFactor = brand === STORE ? 0.82 : brand === STORE_ORG ? 1.15 : 0.95 + rnd() * 0.25;
        const price = shelfPrice(item.price * sizeFactor * brandFactor);
        const onPromo = rnd() < 0.12;
        const promo = onPromo ? shelfPrice(price * (0.75 + rnd() * 0.1)) : null;
        const stock = rnd() < 0.07 ? 0 : Math.floor(3 + rnd() * 90);
        const name = [brand, variant, item.name].filter(Boolean).join(' ');
        const dietary = [...(item.tags ?? [])];
        if (brand === STORE_ORG && !dietary.includes('organic')) dietary.push('organic');
        if (/Gluten Free/.test(variant) && !dietary.includes('gluten_free')) dietary.push('gluten_free');
        if (/Vegan/.test(variant) && !dietary.includes('vegan')) dietary.push('vegan');
        const bay = (bayCursor.get(cat.aisle) ?? 0) + 1;
        bayCursor.set(cat.aisle, bay);
        const body = `04${String(brandCodes.get(brand)).padStart(4, '0')}${String(n).padStart(6, '0')}`;
        products.push({
          id: `dm-${String(n).padStart(4, '0')}`,
          sku: `${DEPT_CODE[cat.department]}-${String(n).padStart(4, '0')}`,
          name,
          brand,
          description: `${item.desc}${variant ? ` ${variant}.` : ''} ${size}.`,
          department: cat.department,
          category_path: `${cat.top} > ${cat.department} > ${cat.category}`,
          aisle: cat.aisle,
          bay: String(bay), // provisional: spread over 12 bays below
          shelf: String(1 + Math.floor(rnd() * 5)),
          price_cents: price,
          promo_price_cents: promo,
          size,
          attributes: { dietary, i18n: { 'zh-CN': zhNames(cat.category, item.name, variant) } },
          synonyms: item.synonyms ?? '',
          stock,
          barcode: makeEan13(body),
        });
      }
    }
  }
  // Bays run the length of each aisle (12 per aisle), filled in catalog order so a category sits together.
  for (const p of products) {
    const total = bayCursor.get(p.aisle as string)!;
    p.bay = String(1 + Math.floor(((Number(p.bay) - 1) * 12) / total));
  }
  const aisles = AISLES.map((a, i) => ({ id: a.id, name: a.name, name_zh: mapName(a.id), departments: a.departments, x: 4 + i * 6.5, y: 10, w: 4, h: 36 }));
  return { aisles, landmarks: LANDMARKS.map((l) => ({ ...l, name_zh: mapName(l.id) })), products };
}

interface ZhNames { items: Record<string, string[]>; categories: Record<string, string[]>; variants: Record<string, string>; map: Record<string, string> }
const ZH = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'names-zh-CN.json'), 'utf8')) as ZhNames;

function mapName(id: string): string {
  const name = ZH.map[id];
  if (!name) throw new Error(`names-zh-CN.json lacks the map area "${id}"`);
  return name;
}

/** A product's Chinese name (the variant's word, where there is one, before the item's), synonyms and shelf. */
function zhNames(category: string, item: string, variant: string): { name: string; synonyms: string; category: string } {
  const [name, ...synonyms] = ZH.items[item] ?? [];
  const [cat, ...catSyn] = ZH.categories[category] ?? [];
  if (!name || !cat) throw new Error(`names-zh-CN.json lacks ${name ? `category "${category}"` : `item "${item}"`}`);
  return { name: `${(variant && ZH.variants[variant]) || ''}${name}`, synonyms: [...synonyms, ...catSyn].join('; '), category: cat };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'catalog.json');
  const { aisles, landmarks, products } = generateCatalog();
  const doc = {
    $comment: 'Generated by resources/demo-store/generate-catalog.ts; do not edit by hand. Authored by the StoreMind project: invented brands, prices and in-store (prefix 04) barcodes.',
    map: { width: 100, height: 60, aisles, landmarks },
    products,
  };
  fs.writeFileSync(out, `${JSON.stringify(doc, null, 1)}\n`);
  console.log(`wrote ${products.length} products to ${path.relative(process.cwd(), out)}`);
}
