#!/usr/bin/python3
"""Generate retail_text.txt: project-written retail prose for LM pretraining.

Stdlib only, fixed seed, deterministic. All templates and facts below were
written for StoreMind; nothing is copied from any external dataset. Run:

    /usr/bin/python3 native-models/data/retail_text/generate.py
"""
import os
import random

SEED = 7310
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "retail_text.txt")
TARGET = 1500

# (situation noun phrase, items, where)
NEED_SITUATIONS = [
    ("a headache", "pain relievers such as ibuprofen or acetaminophen", "the pharmacy aisle"),
    ("a sore throat", "throat lozenges, cough drops or warm tea", "the cold and flu aisle"),
    ("a stuffy nose", "saline spray, decongestants or a humidifier", "the cold and flu aisle"),
    ("seasonal allergies", "antihistamines, allergy eye drops or nasal spray", "the pharmacy aisle"),
    ("heartburn", "antacids or acid reducers", "the digestive health shelf"),
    ("a small cut", "bandages, antibiotic ointment and gauze", "the first aid section"),
    ("a sunburn", "aloe gel, cooling lotion or hydrocortisone cream", "the skin care aisle"),
    ("a bug bite", "anti-itch cream or hydrocortisone cream", "the first aid section"),
    ("trouble sleeping", "melatonin, a sleep mask or ear plugs", "the vitamins and sleep aids shelf"),
    ("dry skin", "unscented lotion, body butter or moisturizer", "the health and beauty aisle"),
    ("chapped lips", "lip balm or petroleum jelly", "the lip care display near the registers"),
    ("a fever", "a thermometer and fever reducers", "the pharmacy aisle"),
    ("a sprained ankle", "an elastic bandage, an ice pack and a brace", "the first aid section"),
    ("sore muscles", "heating pads, muscle rub or epsom salt", "the pain relief aisle"),
    ("motion sickness", "motion sickness tablets or ginger chews", "the pharmacy aisle"),
    ("an upset stomach", "antacids, ginger ale or plain crackers", "the digestive health shelf"),
    ("dry eyes", "lubricating eye drops", "the eye care section of the pharmacy"),
    ("a cough", "cough syrup, cough drops or honey", "the cold and flu aisle"),
    ("a power outage", "flashlights, batteries, candles and matches", "the hardware and emergency aisle"),
    ("a birthday party", "balloons, candles, paper plates and gift bags", "the party supplies aisle"),
    ("a picnic", "paper plates, napkins, a cooler and bottled water", "the seasonal aisle"),
    ("a camping trip", "bug spray, sunscreen, a flashlight and trail mix", "the outdoor section"),
    ("a new baby", "diapers, baby wipes, formula and gentle baby wash", "the baby aisle"),
    ("a new puppy", "puppy food, chew toys, a leash and training pads", "the pet aisle"),
    ("a new kitten", "kitten food, cat litter and a scratching post", "the pet aisle"),
    ("back to school", "notebooks, pencils, glue sticks and a backpack", "the school supplies aisle"),
    ("a road trip", "a car charger, snacks, water and wet wipes", "the travel section"),
    ("a rainy day", "an umbrella or a rain poncho", "the seasonal display by the entrance"),
    ("a cold winter morning", "gloves, hand warmers and an ice scraper", "the seasonal aisle"),
    ("a hot summer day", "sunscreen, a desk fan, ice pops and sparkling water", "the seasonal aisle"),
    ("a dead phone", "a phone charger, a power bank or a charging cable", "the electronics department"),
    ("a slow laptop setup", "a wireless mouse, a laptop stand or a USB hub", "the electronics department"),
    ("a lost TV remote", "a universal remote and AAA batteries", "the electronics department"),
    ("a leaky faucet", "plumber's tape and a basic repair kit", "the hardware aisle"),
    ("a clogged drain", "drain cleaner or a plunger", "the cleaning aisle"),
    ("a housewarming gift", "candles, a plant, a nice mug or a gift card", "the home goods section"),
    ("a dinner party", "napkins, serving trays, candles and sparkling juice", "the home and grocery aisles"),
    ("a quick breakfast", "granola bars, yogurt, bagels or instant oatmeal", "the breakfast aisle"),
    ("a healthy snack", "fresh fruit, mixed nuts or hummus with carrots", "the produce section"),
    ("a movie night", "popcorn, candy and soda", "the snack aisle"),
    ("a gluten-free diet", "gluten-free pasta, bread and crackers", "the specialty foods aisle"),
    ("lunch for work", "sandwich bread, deli meat, fruit and a lunch box", "the deli and grocery aisles"),
    ("a sick day at home", "soup, crackers, tissues and sports drinks", "the grocery and pharmacy aisles"),
    ("a holiday dinner", "a roasting pan, broth, stuffing mix and cranberry sauce", "the grocery aisles"),
    ("a bathroom refresh", "a new shower curtain, bath towels and a bath mat", "the home goods section"),
    ("moving day", "boxes, packing tape, markers and bubble wrap", "the office supplies aisle"),
    ("a long flight", "travel size toiletries, a neck pillow and earbuds", "the travel section"),
    ("a messy toddler", "baby wipes, stain remover and bibs", "the baby aisle"),
    ("a smelly fridge", "baking soda or an odor absorber", "the cleaning aisle"),
    ("ants in the kitchen", "ant bait, traps or a natural repellent spray", "the pest control shelf"),
]

# (verb phrase, items, where)
NEED_TASKS = [
    ("clean the kitchen floor", "a mop, floor cleaner or disinfecting wipes", "the cleaning aisle"),
    ("wash a load of laundry", "laundry detergent, dryer sheets and fabric softener", "the laundry aisle"),
    ("get a stain out of a shirt", "stain remover spray or a stain stick", "the laundry aisle"),
    ("clean the windows", "glass cleaner and microfiber cloths", "the cleaning aisle"),
    ("scrub the bathtub", "bathroom cleaner, a scrub brush and rubber gloves", "the cleaning aisle"),
    ("wrap a present", "wrapping paper, tape, ribbon and a gift tag", "the greeting card aisle"),
    ("hang a picture", "picture hooks, a small hammer and a level", "the hardware aisle"),
    ("pack a school lunch", "a lunch box, sandwich bags and an ice pack", "the home goods section"),
    ("bake a cake", "flour, sugar, eggs, butter and baking powder", "the baking aisle"),
    ("make spaghetti for dinner", "spaghetti, pasta sauce, ground beef and parmesan", "the pasta aisle"),
    ("brew coffee at home", "ground coffee, coffee filters and a coffee maker", "the coffee aisle"),
    ("charge a phone in the car", "a car charger and a USB cable", "the electronics department"),
    ("connect a laptop to a TV", "an HDMI cable or a USB-C adapter", "the electronics department"),
    ("replace a smoke detector battery", "9-volt batteries", "the battery display"),
    ("light up a dark hallway", "LED bulbs or plug-in night lights", "the lighting aisle"),
    ("keep leftovers fresh", "food storage containers, plastic wrap or foil", "the kitchen aisle"),
    ("take out the trash", "tall kitchen trash bags", "the paper goods aisle"),
    ("freshen up a room", "air freshener, scented candles or an oil diffuser", "the home fragrance aisle"),
    ("organize a closet", "storage bins, hangers and shelf dividers", "the home organization aisle"),
    ("shave", "razors and shaving cream or gel", "the shaving aisle"),
    ("whiten teeth", "whitening toothpaste or whitening strips", "the oral care aisle"),
    ("remove makeup", "makeup remover wipes or micellar water", "the cosmetics aisle"),
    ("style curly hair", "curl cream, a wide tooth comb and hair ties", "the hair care aisle"),
    ("protect skin at the beach", "broad spectrum sunscreen and after-sun lotion", "the sun care display"),
    ("feed a picky cat", "wet cat food or a variety pack of treats", "the pet aisle"),
    ("walk a dog at night", "a reflective leash and a small flashlight", "the pet aisle"),
    ("print a school report", "printer paper and printer ink", "the office supplies aisle"),
    ("send a thank you note", "thank you cards and stamps", "the greeting card aisle"),
    ("fix a loose chair leg", "wood glue and clamps", "the hardware aisle"),
    ("seal a package", "packing tape and a padded mailer", "the office supplies aisle"),
    ("water the plants", "a watering can and potting soil", "the garden center"),
    ("keep drinks cold at a party", "bagged ice and a cooler", "the front of the store near the freezers"),
    ("make a smoothie", "frozen berries, bananas, yogurt and a blender", "the frozen and produce sections"),
    ("start a home workout", "a yoga mat, resistance bands and a water bottle", "the fitness aisle"),
    ("disinfect a countertop", "disinfecting spray or wipes", "the cleaning aisle"),
    ("unclog a toilet", "a plunger", "the cleaning aisle"),
    ("stay hydrated on a hike", "bottled water, electrolyte powder and a reusable bottle", "the beverage aisle"),
    ("listen to music at the gym", "wireless earbuds or a sport armband", "the electronics department"),
    ("set up a home office", "a desk lamp, a keyboard, a mouse and sticky notes", "the office supplies aisle"),
    ("decorate for halloween", "pumpkins, fake cobwebs, candy and costumes", "the seasonal section"),
]

NEED_TEMPLATES_SIT = [
    "for {s} look for {i} in {w}.",
    "if you have {s}, try {i}, which you can find in {w}.",
    "dealing with {s}? {i_cap} are stocked in {w}.",
    "shoppers with {s} usually head to {w} for {i}.",
    "for {s}, shoppers often buy {i} from {w}.",
    "something for {s}: {i}, all in {w}.",
    "when you have {s}, {w} has {i}.",
    "tip: for {s}, pick up {i} from {w}.",
]

NEED_TEMPLATES_TASK = [
    "if you need to {t}, try {i}.",
    "if you need to {t}, try {i} in {w}.",
    "to {t} you will want {i}, found in {w}.",
    "need to {t}? grab {i} from {w}.",
    "want to {t}? most people pick up {i}.",
    "everything you need to {t} is in {w}: {i}.",
    "the easiest way to {t} is with {i}.",
    "planning to {t} this weekend? {w} has {i}.",
]

# (name, category, descriptor phrases)
PRODUCTS = [
    ("almond milk", "dairy alternatives", ["unsweetened", "rich in calcium", "great in coffee or cereal", "keep refrigerated after opening"]),
    ("whole milk", "dairy", ["one gallon", "vitamin D added", "from local farms", "keep refrigerated"]),
    ("sourdough bread", "bakery", ["baked fresh every morning", "crisp crust and soft center", "sliced to order"]),
    ("greek yogurt", "dairy", ["high in protein", "plain or vanilla", "single cups or a family tub"]),
    ("free range eggs", "dairy", ["one dozen", "grade A large", "from cage free hens"]),
    ("cheddar cheese", "dairy", ["sharp and aged", "shredded or block", "great for sandwiches"]),
    ("ground coffee", "coffee and tea", ["medium roast", "smooth and balanced", "twelve ounce bag", "works in any drip machine"]),
    ("green tea", "coffee and tea", ["twenty bags per box", "light and refreshing", "naturally caffeinated"]),
    ("peanut butter", "pantry", ["creamy or crunchy", "no added sugar option", "sixteen ounce jar"]),
    ("spaghetti", "pasta", ["made from durum wheat", "cooks in about ten minutes", "one pound box"]),
    ("marinara sauce", "pasta", ["slow simmered tomatoes", "garlic and basil", "twenty four ounce jar"]),
    ("canned black beans", "canned goods", ["low sodium", "ready to heat", "great for tacos and soups"]),
    ("olive oil", "pantry", ["extra virgin", "cold pressed", "good for dressings and sauteing"]),
    ("granola bars", "snacks", ["oats and honey", "box of twelve", "easy on the go snack"]),
    ("tortilla chips", "snacks", ["restaurant style", "lightly salted", "family size bag"]),
    ("bananas", "produce", ["sold by the pound", "ripen at room temperature", "great for smoothies"]),
    ("avocados", "produce", ["ready to eat or firm", "sold individually or in a bag of four"]),
    ("baby spinach", "produce", ["triple washed", "ready to eat", "five ounce clamshell"]),
    ("frozen pizza", "frozen foods", ["thin crust", "bakes in fifteen minutes", "pepperoni or cheese"]),
    ("vanilla ice cream", "frozen foods", ["one and a half quarts", "made with real cream"]),
    ("chicken breasts", "meat", ["boneless and skinless", "family pack", "no added hormones"]),
    ("salmon fillets", "seafood", ["wild caught", "skin on", "freshly cut at the seafood counter"]),
    ("sparkling water", "beverages", ["zero calories", "lime or berry flavor", "twelve pack of cans"]),
    ("orange juice", "beverages", ["no pulp or some pulp", "not from concentrate", "half gallon"]),
    ("paper towels", "paper goods", ["select a size sheets", "six double rolls", "strong when wet"]),
    ("toilet paper", "paper goods", ["soft and strong", "twelve mega rolls", "septic safe"]),
    ("dish soap", "cleaning", ["cuts through grease", "gentle on hands", "lemon scent"]),
    ("dishwasher pods", "cleaning", ["forty count", "removes baked on food", "no pre rinse needed"]),
    ("laundry detergent", "laundry", ["sixty four loads", "works in cold water", "free and clear for sensitive skin"]),
    ("dryer sheets", "laundry", ["reduce static cling", "fresh linen scent", "box of eighty"]),
    ("disinfecting wipes", "cleaning", ["kills most household germs", "seventy five wipes", "fresh scent"]),
    ("glass cleaner", "cleaning", ["streak free shine", "spray bottle", "ammonia free"]),
    ("trash bags", "paper goods", ["thirteen gallon", "drawstring", "leak resistant"]),
    ("aluminum foil", "kitchen", ["heavy duty", "seventy five square feet", "great for grilling"]),
    ("AA batteries", "batteries", ["pack of twenty", "long lasting alkaline", "ten year shelf life"]),
    ("LED light bulbs", "lighting", ["soft white", "uses less energy", "four pack", "lasts up to ten years"]),
    ("extension cord", "hardware", ["six feet", "three outlets", "indoor use"]),
    ("duct tape", "hardware", ["silver", "strong adhesive", "sixty yard roll"]),
    ("shampoo", "hair care", ["for all hair types", "sulfate free option", "twelve ounce bottle"]),
    ("conditioner", "hair care", ["detangles and smooths", "for dry or damaged hair"]),
    ("body wash", "bath", ["moisturizing", "sensitive skin formula", "eighteen ounce bottle"]),
    ("toothpaste", "oral care", ["fluoride protection", "fresh mint", "whitening formula"]),
    ("electric toothbrush", "oral care", ["two minute timer", "rechargeable", "includes two brush heads"]),
    ("deodorant", "personal care", ["forty eight hour protection", "aluminum free option"]),
    ("sunscreen", "sun care", ["SPF 50", "water resistant for eighty minutes", "broad spectrum"]),
    ("lip balm", "personal care", ["SPF 15", "with shea butter", "pack of three"]),
    ("razors", "shaving", ["five blade", "pivoting head", "four cartridges"]),
    ("diapers", "baby", ["size one through six", "up to twelve hours of protection", "hypoallergenic"]),
    ("baby wipes", "baby", ["fragrance free", "thick and soft", "three packs of eighty"]),
    ("infant formula", "baby", ["iron fortified", "powder", "for babies up to twelve months"]),
    ("ibuprofen", "pharmacy", ["200 mg tablets", "relieves minor aches and fever", "bottle of one hundred"]),
    ("acetaminophen", "pharmacy", ["extra strength", "500 mg caplets", "gentle on the stomach"]),
    ("allergy relief tablets", "pharmacy", ["non drowsy", "twenty four hour relief", "thirty count"]),
    ("cough syrup", "pharmacy", ["daytime formula", "honey lemon flavor", "four ounce bottle"]),
    ("vitamin D", "vitamins", ["1000 IU softgels", "supports bone health", "ninety count"]),
    ("multivitamins", "vitamins", ["once daily", "for adults", "gummy or tablet"]),
    ("bandages", "first aid", ["assorted sizes", "flexible fabric", "box of sixty"]),
    ("digital thermometer", "pharmacy", ["reads in ten seconds", "fever alert", "oral or underarm use"]),
    ("first aid kit", "first aid", ["over one hundred pieces", "compact case", "good for home or car"]),
    ("phone charger", "electronics", ["fast charging", "USB-C", "six foot cable"]),
    ("power bank", "electronics", ["ten thousand mAh", "charges two devices", "slim design"]),
    ("wireless earbuds", "electronics", ["up to six hours of play", "charging case", "sweat resistant"]),
    ("bluetooth speaker", "electronics", ["waterproof", "twelve hour battery", "pairs in seconds"]),
    ("HDMI cable", "electronics", ["six feet", "supports 4K", "gold plated connectors"]),
    ("wireless mouse", "electronics", ["quiet click", "USB receiver", "battery included"]),
    ("printer ink", "office", ["black and color combo", "high yield", "check your printer model"]),
    ("coffee maker", "small appliances", ["twelve cup", "programmable timer", "auto shut off"]),
    ("toaster", "small appliances", ["two slice", "wide slots", "bagel setting"]),
    ("electric kettle", "small appliances", ["boils in minutes", "one point seven liters", "auto shut off"]),
    ("space heater", "small appliances", ["tip over protection", "two heat settings", "quiet fan"]),
    ("dog food", "pet", ["real chicken first ingredient", "thirty pound bag", "for adult dogs"]),
    ("cat litter", "pet", ["clumping", "odor control", "twenty pound jug"]),
    ("notebooks", "school supplies", ["college ruled", "seventy sheets", "pack of five"]),
    ("wrapping paper", "party and gifts", ["thirty square feet", "birthday and holiday prints"]),
    ("scented candle", "home", ["vanilla or pine", "burns up to forty hours", "glass jar"]),
    ("bath towels", "home", ["cotton", "quick dry", "set of two"]),
    ("storage bins", "home organization", ["clear plastic", "stackable", "with lids"]),
    ("umbrella", "seasonal", ["compact", "auto open", "wind resistant"]),
]

DESC_TEMPLATES = [
    "{name}: {d1}, {d2}. find it in {cat}.",
    "our {name} is {d1} and {d2}.",
    "{name_cap}, {d1}. located in the {cat} aisle.",
    "try our {name}: {d1}.",
    "{name} ({cat}) - {d1}, {d2}.",
    "shoppers love this {name} because it is {d1}.",
    "new on the shelf: {name}, {d1}.",
    "you will find {name} with the other {cat} items. {d1_cap}.",
    "looking for {name}? ours is {d1} and {d2}.",
    "store brand {name}, {d1}, usually costs less than the name brand.",
]

AISLES = {
    1: ["produce", "fresh flowers", "salad kits"],
    2: ["bread", "bagels", "tortillas", "peanut butter", "jam"],
    3: ["cereal", "oatmeal", "coffee", "tea", "breakfast bars"],
    4: ["pasta", "rice", "pasta sauce", "canned vegetables", "soup"],
    5: ["baking supplies", "flour", "sugar", "spices", "cooking oil"],
    6: ["chips", "crackers", "cookies", "popcorn", "nuts"],
    7: ["soda", "bottled water", "juice", "sports drinks", "energy drinks"],
    8: ["frozen meals", "frozen pizza", "frozen vegetables", "ice cream"],
    9: ["milk", "eggs", "cheese", "yogurt", "butter"],
    10: ["paper towels", "toilet paper", "napkins", "trash bags"],
    11: ["laundry detergent", "fabric softener", "bleach", "stain remover"],
    12: ["household cleaners", "sponges", "mops", "brooms", "disinfecting wipes"],
    13: ["pet food", "cat litter", "pet treats", "pet toys"],
    14: ["diapers", "baby wipes", "baby food", "formula"],
    15: ["shampoo", "conditioner", "hair styling", "hair accessories"],
    16: ["toothpaste", "toothbrushes", "floss", "mouthwash"],
    17: ["pain relief", "cold and flu", "allergy", "digestive health"],
    18: ["vitamins", "supplements", "first aid", "eye care"],
    19: ["cosmetics", "nail care", "skin care", "sun care"],
    20: ["batteries", "light bulbs", "extension cords", "tape"],
    21: ["phone accessories", "cables", "headphones", "chargers"],
    22: ["school supplies", "office supplies", "greeting cards", "gift wrap"],
    23: ["kitchen tools", "food storage", "foil", "plastic wrap"],
    24: ["towels", "bedding", "storage bins", "candles"],
}

SIGN_TEMPLATES = [
    "aisle {n}: {list}.",
    "AISLE {n} - {list_up}",
    "aisle {n} has {list}.",
    "in aisle {n} you will find {list}.",
    "{first} and more in aisle {n}.",
]

SHELF_SIGNS = [
    "limit four per customer.", "price per unit shown on the left side of the tag.",
    "yellow tags mean clearance.", "red tags mean this week's sale price.",
    "please ask an associate for items in locked cases.", "new lower price.",
    "store brand: same quality, lower price.", "buy one, get one fifty percent off.",
    "member price shown with a valid rewards account.", "sale ends sunday.",
    "while supplies last.", "organic.", "gluten free.", "locally grown.",
    "product of the week.", "seasonal item, limited time only.", "please do not open packages.",
    "age verification required at checkout.", "this item is behind the pharmacy counter, please ask the pharmacist.",
    "manager's special.", "family size, better value.", "back in stock.",
    "temporarily out of stock, we apologize for the inconvenience.",
    "try me! press the button for a demo.", "display model, ask about open box pricing.",
    "coupon available at the kiosk.", "digital coupon available in the app.",
    "keep frozen.", "keep refrigerated.", "fragile, please handle with care.",
    "recycle your plastic bags at the front of the store.",
]

ANNOUNCEMENTS = [
    "attention shoppers, the store will close in fifteen minutes. please bring your final purchases to the front.",
    "good morning and welcome. our pharmacy is now open.",
    "attention shoppers, register five is now open for customers with fifteen items or fewer.",
    "customer assistance needed in aisle {n}.",
    "an associate is needed at self checkout.",
    "online pickup orders can be collected at the pickup counter near the main entrance.",
    "curbside pickup customers, please stay in your vehicle and check in from your phone.",
    "our bakery has fresh bread coming out of the oven now.",
    "free samples are available near the deli today.",
    "rewards members earn double points on all purchases this weekend.",
    "the weekly ad is available at the entrance and in the app.",
    "shoppers, please watch your step. we are cleaning a spill near aisle {n}.",
    "flu shots are available at the pharmacy, no appointment needed.",
    "the photo center can print pictures straight from your phone in about an hour.",
    "key cutting is available at the service desk during store hours.",
    "gift wrapping is available at customer service for the holidays.",
    "returns and exchanges are handled at the customer service desk.",
    "restrooms are located at the back of the store next to the pharmacy.",
    "carts can be returned to any cart corral in the parking lot.",
    "our free guest wifi is available throughout the store.",
    "the atm is located just inside the main entrance.",
    "thank you for shopping with us. have a great day.",
    "we are hiring. ask at customer service for more information.",
    "lost child alert: if you see a child looking for a parent, please bring them to the front desk.",
    "a delivery slot is available today for orders placed before noon.",
    "same day delivery is available for most items in the app.",
    "the deli will close thirty minutes before the store.",
    "attention rewards members, you can redeem points at any register.",
    "all self checkout lanes accept cards, mobile wallets and gift cards.",
    "price match requests can be made at any register with proof of the lower price.",
    "the clearance section has moved to the back right corner of the store.",
    "the garden center is open until seven tonight.",
    "please keep pets on a leash. service animals are always welcome.",
    "if you need help reaching an item, please ask any associate in a blue vest.",
    "electronics protection plans can be purchased within thirty days of your purchase.",
    "product recalls are posted on the board near customer service.",
]

POLICY_LINES = [
    "most items can be returned within thirty days with a receipt.",
    "opened electronics can be returned within fifteen days and may have a restocking fee.",
    "without a receipt, returns may be given as store credit.",
    "refunds go back to the original form of payment and can take five to ten business days to appear.",
    "refunds to a gift card show up right away.",
    "gift cards never expire and have no fees.",
    "you can check a gift card balance at any register, at the kiosk or in the app.",
    "lost gift cards can be replaced if you have the original receipt.",
    "joining the rewards program is free and takes about a minute.",
    "rewards members earn one point for every dollar spent.",
    "points can be redeemed for money off future purchases.",
    "we match the prices of local competitors on identical items in stock.",
    "if our price drops within fourteen days of your purchase, we will refund the difference.",
    "we accept cash, debit, credit, mobile wallets, gift cards and snap benefits.",
    "personal checks are accepted at the customer service desk with valid id.",
    "buy online and pick up in store, usually ready in two hours.",
    "pickup orders are held for five days before they are canceled and refunded.",
    "delivery is free on orders over thirty five dollars.",
    "large items such as furniture and appliances can be scheduled for home delivery.",
    "most electronics come with a one year manufacturer warranty.",
    "extended protection plans cover accidental damage for up to three years.",
    "warranty repairs are handled at the service desk; please bring your receipt.",
    "store hours are eight in the morning to ten at night, seven days a week.",
    "holiday hours may vary; check the sign at the entrance.",
    "the pharmacy closes one hour before the store.",
    "coupons can be combined with sale prices but only one manufacturer coupon per item.",
    "digital coupons are loaded to your rewards account and applied automatically.",
    "seniors save ten percent every tuesday.",
    "if you have a concern about your visit, a manager is always available at the front desk.",
    "to speak with an associate, press the help button on the kiosk.",
]

CATEGORY_FACTS = [
    ("pain relievers", "ibuprofen, naproxen, aspirin and acetaminophen", "the pharmacy aisle"),
    ("cold medicine", "cough syrup, decongestants and throat lozenges", "the cold and flu aisle"),
    ("cleaning supplies", "all-purpose cleaner, bleach, sponges and wipes", "aisle 12"),
    ("paper goods", "paper towels, toilet paper, tissues and napkins", "aisle 10"),
    ("phone accessories", "chargers, cables, cases and screen protectors", "the electronics department"),
    ("baby care", "diapers, wipes, formula and baby lotion", "aisle 14"),
    ("pet supplies", "dog food, cat food, litter and treats", "aisle 13"),
    ("oral care", "toothpaste, toothbrushes, floss and mouthwash", "aisle 16"),
    ("hair care", "shampoo, conditioner, brushes and hair ties", "aisle 15"),
    ("snacks", "chips, crackers, cookies and nuts", "aisle 6"),
    ("beverages", "water, soda, juice and sports drinks", "aisle 7"),
    ("breakfast foods", "cereal, oatmeal, pancake mix and syrup", "aisle 3"),
    ("baking supplies", "flour, sugar, baking soda and vanilla", "aisle 5"),
    ("dairy", "milk, eggs, cheese, yogurt and butter", "the back wall"),
    ("frozen foods", "frozen meals, pizza, vegetables and ice cream", "aisle 8"),
    ("office supplies", "pens, paper, tape and folders", "aisle 22"),
    ("party supplies", "balloons, plates, napkins and decorations", "the seasonal aisle"),
    ("batteries", "AA, AAA, C, D and 9-volt batteries", "aisle 20 and at every register"),
    ("first aid", "bandages, gauze, ointment and medical tape", "aisle 18"),
    ("skin care", "cleansers, moisturizers, sunscreen and serums", "aisle 19"),
]

CATEGORY_TEMPLATES = [
    "{cat_cap} such as {items} are in {w}.",
    "you can find {cat} like {items} in {w}.",
    "{w} carries {cat}: {items}.",
    "our {cat} section includes {items}.",
    "{items} are all grouped with {cat} in {w}.",
]


def cap(s):
    return s[:1].upper() + s[1:]


def main():
    rng = random.Random(SEED)
    lines = []

    for s, i, w in NEED_SITUATIONS:
        for t in rng.sample(NEED_TEMPLATES_SIT, 5):
            lines.append(t.format(s=s, i=i, w=w, i_cap=cap(i)))
    for t_, i, w in NEED_TASKS:
        for t in rng.sample(NEED_TEMPLATES_TASK, 5):
            lines.append(t.format(t=t_, i=i, w=w))

    for name, cat, descs in PRODUCTS:
        combos = []
        for t in DESC_TEMPLATES:
            d1, d2 = rng.sample(descs, 2) if len(descs) > 1 else (descs[0], descs[0])
            combos.append(t.format(name=name, name_cap=cap(name), cat=cat, d1=d1, d2=d2,
                                   d1_cap=cap(d1)))
        lines.extend(rng.sample(combos, 7))

    for n, items in AISLES.items():
        for t in SIGN_TEMPLATES:
            shuffled = items[:]
            rng.shuffle(shuffled)
            lst = ", ".join(shuffled[:-1]) + " and " + shuffled[-1]
            lines.append(t.format(n=n, list=lst, list_up=", ".join(x.upper() for x in shuffled),
                                  first=cap(shuffled[0])))
        for item in items:
            lines.append(f"{item} are in aisle {n}." if item.endswith("s") else f"{item} is in aisle {n}.")
            lines.append(f"looking for {item}? check aisle {n}.")

    lines.extend(SHELF_SIGNS)
    for a in ANNOUNCEMENTS:
        if "{n}" in a:
            for n in rng.sample(sorted(AISLES), 4):
                lines.append(a.format(n=n))
        else:
            lines.append(a)
    lines.extend(POLICY_LINES)

    for cat, items, w in CATEGORY_FACTS:
        for t in CATEGORY_TEMPLATES:
            lines.append(t.format(cat=cat, cat_cap=cap(cat), items=items, w=w))

    # dedupe, keep order, then shuffle deterministically
    seen = set()
    uniq = []
    for l in lines:
        l = " ".join(l.split())
        if l and l not in seen:
            seen.add(l)
            uniq.append(l)
    rng.shuffle(uniq)
    uniq = uniq[:TARGET] if len(uniq) > TARGET else uniq
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(uniq) + "\n")
    print(f"wrote {len(uniq)} lines to {OUT}")


if __name__ == "__main__":
    main()
