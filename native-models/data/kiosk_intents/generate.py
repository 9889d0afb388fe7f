#!/usr/bin/python3
"""Generate the StoreMind kiosk intent training set (train.jsonl).

Stdlib only, fixed seed, fully deterministic. Every template, slot list and
product name below was written for this project. Run:

    /usr/bin/python3 native-models/data/kiosk_intents/generate.py

The held-out test set (test.jsonl) is hand-written separately and is never
read by this script.
"""
import json
import os
import random
import re

SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "train.jsonl")

# ---------------------------------------------------------------------------
# Slot lists
# ---------------------------------------------------------------------------

PRODUCTS = [
    # grocery
    "almond milk", "whole milk", "skim milk", "eggs", "brown eggs", "sourdough bread",
    "whole wheat bread", "bagels", "butter", "cheddar cheese", "greek yogurt",
    "cream cheese", "orange juice", "apple juice", "coffee beans", "ground coffee",
    "green tea", "black tea", "peanut butter", "strawberry jam", "honey", "maple syrup",
    "rice", "brown rice", "spaghetti", "penne pasta", "pasta sauce", "canned tomatoes",
    "black beans", "chickpeas", "tuna", "chicken broth", "olive oil", "vegetable oil",
    "flour", "sugar", "brown sugar", "baking soda", "salt", "black pepper", "cinnamon",
    "breakfast cereal", "oatmeal", "granola bars", "potato chips", "tortilla chips",
    "salsa", "crackers", "cookies", "dark chocolate", "popcorn", "mixed nuts", "bananas",
    "apples", "avocados", "lemons", "baby spinach", "carrots", "onions", "potatoes",
    "tomatoes", "frozen pizza", "frozen peas", "ice cream", "chicken breasts",
    "ground beef", "salmon fillets", "bacon", "sparkling water", "bottled water",
    "cola", "energy drinks", "ketchup", "mustard", "mayonnaise", "soy sauce", "hot sauce",
    "baby food", "infant formula", "dog food", "cat food", "cat litter", "birthday candles",
    # household
    "paper towels", "toilet paper", "dish soap", "dishwasher pods", "laundry detergent",
    "fabric softener", "bleach", "disinfecting wipes", "all-purpose cleaner",
    "glass cleaner", "sponges", "trash bags", "aluminum foil", "plastic wrap",
    "zip-top bags", "paper plates", "light bulbs", "LED bulbs", "AA batteries",
    "AAA batteries", "9-volt batteries", "extension cords", "duct tape", "super glue",
    "scotch tape", "a mop", "a broom", "air freshener", "candles", "storage bins",
    "hangers", "a shower curtain", "bath towels", "bed sheets", "pillows", "a doormat",
    "matches", "a lighter", "bug spray", "mouse traps", "a flashlight", "a smoke detector",
    "printer paper", "notebooks", "pens", "pencils", "markers", "wrapping paper",
    "greeting cards", "gift bags", "a lunch box", "water bottles", "food storage containers",
    # health & beauty
    "shampoo", "conditioner", "body wash", "bar soap", "toothpaste", "toothbrushes",
    "dental floss", "mouthwash", "deodorant", "razors", "shaving cream", "sunscreen",
    "lip balm", "hand lotion", "face wash", "moisturizer", "makeup remover", "mascara",
    "nail polish", "cotton swabs", "cotton balls", "hair ties", "a hairbrush", "dry shampoo",
    "tampons", "pads", "diapers", "baby wipes", "hand sanitizer", "contact lens solution",
    # pharmacy
    "ibuprofen", "acetaminophen", "aspirin", "allergy pills", "antihistamines",
    "cough syrup", "cough drops", "throat lozenges", "nasal spray", "antacids",
    "vitamin C", "vitamin D", "multivitamins", "melatonin", "band-aids", "bandages",
    "antibiotic ointment", "hydrocortisone cream", "eye drops", "a thermometer",
    "reading glasses", "pregnancy tests", "heating pads", "ice packs", "face masks",
    "a first aid kit", "saline spray", "anti-diarrhea medicine", "motion sickness pills",
    # electronics
    "a phone charger", "USB-C cables", "lightning cables", "earbuds", "headphones",
    "a bluetooth speaker", "a power bank", "HDMI cables", "a wall adapter", "a car charger",
    "a phone case", "screen protectors", "memory cards", "a USB flash drive",
    "a wireless mouse", "a keyboard", "printer ink", "a webcam", "smart plugs",
    "a TV antenna", "video games", "a gaming controller", "an alarm clock", "a laptop",
    "a tablet", "a smart watch", "a coffee maker", "a toaster", "an electric kettle",
    "a hair dryer", "a space heater", "a desk fan",
]

# short bare nouns for "X?" style queries
SHORT_PRODUCTS = [
    "batteries", "milk", "bread", "eggs", "diapers", "charger", "chargers", "tylenol",
    "advil", "shampoo", "tape", "lightbulbs", "foil", "ice", "coffee", "tea", "sugar",
    "napkins", "straws", "cups", "soap", "wipes", "band aids", "sunscreen", "razors",
    "cables", "earbuds", "ink", "dog food", "cat litter", "water", "chips", "snacks",
    "cereal", "pasta", "rice", "flour", "candles", "umbrellas", "gloves", "socks",
    "vitamins", "condoms", "floss", "lotion", "detergent", "bleach", "sponges",
]

CATEGORIES = [
    "cleaning supplies", "pet supplies", "baby stuff", "school supplies", "party supplies",
    "kitchen stuff", "frozen food", "canned goods", "snacks", "beverages", "dairy",
    "produce", "bakery items", "cold medicine", "first aid supplies", "vitamins",
    "hair care products", "skin care", "makeup", "phone accessories", "computer accessories",
    "small appliances", "office supplies", "seasonal items", "halloween costumes",
    "christmas decorations", "gardening supplies", "camping gear", "toys", "batteries",
    "light bulbs", "spices", "gluten free products", "organic food", "international foods",
    "household essentials", "paper products", "travel size toiletries", "greeting cards",
    "gift wrap supplies",
]

DEPARTMENTS = [
    "the pharmacy", "the bakery", "the deli", "produce", "the dairy section",
    "the frozen aisle", "electronics", "the toy section", "the pet aisle", "the baby aisle",
    "health and beauty", "the cleaning aisle", "home goods", "the snack aisle",
    "the seasonal section", "the garden center", "the beverage aisle", "the meat counter",
    "the seafood counter", "the clearance section", "the greeting card aisle",
    "office supplies", "the cosmetics counter", "the wine and beer section",
]

SIZES = [
    "in the large size", "in the family size", "in the 24 pack", "in a bigger bottle",
    "in the travel size", "in the 12 pack", "in the store brand", "in unscented",
    "in the 2 pack", "in sugar free", "in organic", "in a smaller size",
]

DAYS = [
    "today", "tomorrow", "on sunday", "on saturday", "this weekend", "on monday",
    "on christmas eve", "on new year's day", "on thanksgiving", "on the 4th of july",
    "on memorial day", "on labor day", "tonight", "on easter", "on friday",
]

PAY = [
    "apple pay", "google pay", "samsung pay", "visa", "mastercard", "amex",
    "american express", "discover", "checks", "personal checks", "cash", "ebt", "snap",
    "food stamps", "wic", "venmo", "paypal", "klarna", "afterpay", "bitcoin", "crypto",
    "tap to pay", "contactless cards", "debit cards", "credit cards", "an hsa card",
    "an fsa card", "foreign credit cards", "canadian dollars", "euros", "a phone wallet",
    "$100 bills", "coins", "travelers checks", "cash app", "a store credit card",
]

COMPETITORS = [
    "amazon", "walmart", "target", "costco", "best buy", "the store across the street",
    "an online store", "another store", "a competitor", "the pharmacy down the road",
    "a website", "home depot", "kroger", "aldi", "the grocery store next door",
]

BROKEN_ITEMS = [
    "tv", "laptop", "blender", "vacuum", "headphones", "microwave", "coffee maker",
    "phone", "tablet", "air fryer", "printer", "hair dryer", "electric toothbrush",
    "toaster", "speaker", "smart watch", "game console", "space heater", "kettle",
    "fan", "camera", "monitor", "router", "stand mixer", "earbuds", "charger",
]

BREAKAGES = [
    "stopped working", "won't turn on", "broke", "is broken", "is making a weird noise",
    "keeps shutting off", "cracked", "won't charge", "is defective", "died after a week",
    "has a dead pixel", "is overheating", "quit on me", "is leaking",
]

SERVICES = [
    "key cutting", "key copies", "photo printing", "passport photos", "photo prints",
    "flu shots", "covid vaccines", "vaccinations", "prescription refills",
    "prescription transfers", "gift wrapping", "tv installation", "tv mounting",
    "furniture assembly", "bike assembly", "grill assembly", "phone screen repair",
    "watch battery replacement", "engraving", "propane tank exchange", "money orders",
    "bill payment", "film developing", "eyeglass repair", "knife sharpening",
    "paint mixing", "blood pressure checks", "custom cakes", "cake decorating",
    "party platters", "battery recycling", "electronics recycling", "computer setup",
    "appliance installation", "tech support", "notary services", "photo restoration",
    "canvas prints", "poster printing", "document printing", "faxing", "copy services",
    "alterations", "shoe repair", "tire installation", "car battery installation",
    "device trade-ins", "smartphone activation", "hearing tests", "pet grooming",
]

FACILITIES = [
    "restroom", "restrooms", "bathroom", "bathrooms", "toilet", "washroom", "mens room",
    "ladies room", "family restroom", "baby changing table", "atm", "cash machine",
    "exit", "entrance", "emergency exit", "elevator", "escalator", "stairs",
    "water fountain", "drinking fountain", "customer service desk", "lost and found",
    "seating area", "cafe", "food court", "phone charging station", "ev chargers",
    "bike rack", "lockers", "fitting rooms", "shopping carts", "carts", "baskets",
    "motorized carts", "wheelchairs", "accessible parking", "parking garage",
    "cart return", "vending machines", "microwave for customers", "first aid station",
]

ORDER_FORMATS = ["order {n}", "order #{n}", "order number {n}", "order no. {n}", "#{n}",
                 "SM-{n}", "order SM{n}", "confirmation {n}", "order # {n}"]

CITIES = ["paris", "chicago", "denver", "london", "tokyo", "boston", "miami", "seattle",
          "new york", "dallas", "toronto", "mexico city", "atlanta", "phoenix", "rome"]

COUNTRIES = ["france", "brazil", "japan", "canada", "egypt", "peru", "australia",
             "norway", "kenya", "india", "germany", "chile"]

OTHER_PLACES = ["the post office", "the dmv", "the bank across the street",
                "the library", "city hall", "the movie theater", "the gym next door",
                "mcdonalds", "the starbucks down the street", "the hospital",
                "the police station", "the airport", "the dentist", "the car wash",
                "the hardware store on main street"]

TOPICS = ["cats", "dogs", "pirates", "chickens", "computers", "doctors", "bananas",
          "penguins", "lawyers", "math", "cheese", "robots"]

COMPANIES = ["apple", "tesla", "google", "microsoft", "nvidia", "amazon", "netflix",
             "this company", "your parent company"]

SPORTS = ["football", "baseball", "basketball", "hockey", "soccer", "tennis"]

SYMPTOMS = ["chest pain", "a rash on my arm", "a lump on my neck", "blurry vision",
            "a fever for five days", "numbness in my hand", "a mole that changed color",
            "stomach pain on the right side", "headaches every morning", "shortness of breath"]


def order_no(rng):
    n = str(rng.randint(10000, 9999999))
    return rng.choice(ORDER_FORMATS).format(n=n)


def gift_no(rng):
    style = rng.random()
    if style < 0.4:
        return " ".join(str(rng.randint(1000, 9999)) for _ in range(4))
    if style < 0.7:
        return "".join(str(rng.randint(0, 9)) for _ in range(16))
    return "ending in " + str(rng.randint(1000, 9999))


def loyalty_no(rng):
    style = rng.random()
    if style < 0.5:
        return str(rng.randint(100000000, 999999999))
    if style < 0.8:
        return "SM" + str(rng.randint(1000000, 9999999))
    return "ending in " + str(rng.randint(1000, 9999))


def money(rng):
    return "$" + str(rng.choice([5, 10, 15, 20, 25, 50, 75, 100, 150, 200]))


# ---------------------------------------------------------------------------
# Templates per intent. Slots: {p} product, {sp} short product, {cat} category,
# {dept} department, {size}, {day}, {pay}, {comp} competitor, {item} broken item,
# {brk} breakage, {svc} service, {fac} facility, {o} order, {g} gift card no,
# {l} loyalty no, {amt} amount, {city}, {country}, {place}, {topic}, {co},
# {sport}, {sym}, {n1}, {n2}
# ---------------------------------------------------------------------------

T = {}

T["find_product"] = [
    "where is {p}", "where are the {cat}", "where can i find {p}", "where can I find {p}?",
    "where do you keep {p}", "where do you keep the {cat}?", "which aisle is {p} in",
    "what aisle has {p}", "which aisle are the {cat} in?", "aisle for {p}?", "{p} aisle",
    "where's {p}", "wheres the {cat}", "i'm looking for {p}", "I'm looking for {p}, where would it be?",
    "looking for {p}", "looking for the {cat}", "help me find {p}", "can you help me find {p}?",
    "can you show me where {p} is", "how do i get to {dept}", "where is {dept}",
    "where's {dept} located?", "directions to {dept}", "take me to {dept}", "{sp}?", "{sp}",
    "{sp} where", "where {sp}", "which way to {dept}?", "point me to {p}", "i need {p}, where is it",
    "i need to find {p}", "trying to find {p}", "cant find {p} anywhere", "I can't find {p}",
    "what section is {p} in", "what department sells {p}", "is {p} near {dept}?",
    "which shelf has {p}", "location of {p}", "find {p}", "find {cat}", "show me {cat} on the map",
    "where would i find {cat}", "in which aisle can I find {p}?", "where do i look for {p}",
    "where did you move {p}", "you moved {p}, where is it now?", "{p} location?",
    "is {p} in {dept}?", "what aisle number for {cat}", "navigate to {p}", "map to {dept}",
    "where are {cat} kept in this store", "i want {p}", "get me to {p}",
    "where can i pick up some {cat}", "where should i go for {p}", "which side of the store is {dept} on",
    "where is the {cat} aisle", "what floor is {dept} on?", "need {p} where",
]

T["check_stock"] = [
    "do you have {p} in stock", "do you have {p}?", "is {p} in stock", "is {p} in stock?",
    "are you out of {p}", "are you out of {p}?", "any {p} left?", "do you still have {p}",
    "do you carry {p}", "do you sell {p}?", "does this store carry {p}", "is {p} available",
    "is {p} available here?", "{p} in stock?", "{sp} in stock?", "stock check {p}",
    "check stock for {p}", "check if you have {p}", "can you check if {p} is in stock",
    "how many {sp} do you have left", "do you have any more {p} in the back",
    "when will {p} be back in stock", "when is {p} restocked", "when do you restock {p}?",
    "the shelf is empty for {p}, do you have more", "{p} is sold out, will you get more?",
    "is {p} sold out", "do you have {p} {size}", "do you have {p} {size}?",
    "is there {p} {size} available", "got any {sp}?", "you guys got {p}?", "any {sp} in stock",
    "do you stock {p}", "is {p} out of stock", "are there any {p} available today",
    "availability of {p}", "inventory for {p}", "how much {p} do you have in stock",
    "can i get {p} here or are you out", "does this location have {p}",
    "will you have {p} {day}?", "when is the next shipment of {p}",
    "are {cat} in stock", "do you have {cat} in stock right now",
    "is {p} on the shelf or do i have to order it", "do you have {p} or only online",
    "can you check the back for {p}", "i need {p}, do you have any",
    "do u have {sp}", "u have {p}?", "have {p}?", "stock {sp}", "is there any {sp} left",
    "does the store have {p} today", "out of {sp}?", "did you get more {p} in",
]

T["check_price"] = [
    "how much is {p}", "how much is {p}?", "how much are {sp}", "how much does {p} cost",
    "what does {p} cost", "what's the price of {p}", "price of {p}", "price of {p}?",
    "price check {p}", "price check on {p}", "{p} price", "{sp} price?", "price {sp}",
    "what is the price for {p}", "what do you charge for {p}", "cost of {p}",
    "how expensive is {p}", "is {p} expensive", "can you scan {p} for a price",
    "the shelf tag for {p} is missing, how much is it", "there's no price on {p}",
    "there's no price tag on {p}, what does it cost?", "what's {p} going for",
    "how much for {p}", "how much for {sp}", "what's the cost of {p} {size}",
    "how much is {p} {size}", "price per pound for {p}", "unit price of {p}",
    "what's the cheapest {p} you have", "is {p} under {amt}", "does {p} cost more than {amt}",
    "how much would {p} be", "what would {p} run me", "quote me the price of {p}",
    "how much are {cat}", "price range for {cat}", "cheapest {cat}?",
    "how much is the store brand {p}", "how much r {sp}", "$ for {p}?",
    "what's the price on {p} today", "tell me the price of {p}",
    "how much do {sp} cost here", "scan price {p}", "is {p} really {amt}?",
    "how much is {p} with tax", "total cost for {p}", "the {p} rang up wrong, what's the actual price",
]

T["store_hours"] = [
    "what time do you close", "what time do you open", "what time do you close {day}",
    "what time do you open {day}?", "are you open {day}", "are you open {day}?",
    "hours", "store hours", "store hours?", "hours {day}", "your hours {day}?",
    "when do you close", "when do you open", "when does the store close",
    "when does the store open {day}", "what are your hours", "what are the store hours {day}",
    "how late are you open", "how late are you open {day}", "how early do you open",
    "are you open 24 hours", "are you open 24/7?", "is the store open {day}",
    "what are your holiday hours", "holiday hours?", "hours for {day}",
    "closing time?", "opening time", "when do you guys close tonight",
    "do you close early {day}", "are you closed {day}", "is the store closed {day}",
    "what time does {dept} close", "what are the hours for {dept}", "pharmacy hours",
    "when does the pharmacy open {day}", "what time does the deli close",
    "how long are you open", "how long until you close", "how much time before closing",
    "are you open late {day}", "senior shopping hours?", "do you have early shopping hours",
    "what time do you stop letting people in", "open {day}?", "when r u open",
    "till what time are you open", "until when are you open {day}",
    "opening hours {day}", "what time does customer service close",
]

T["return_policy"] = [
    "what is your return policy", "what's the return policy", "return policy",
    "return policy?", "can i return {p}", "can I return {p}?", "can i return this",
    "how do i return something", "how do i return {p}", "how many days do i have to return {p}",
    "how long do i have to return something", "can i return without a receipt",
    "can i return {p} without a receipt", "no receipt return?", "returns",
    "returns?", "can i exchange {p}", "how do exchanges work", "can i exchange this for a different size",
    "can i return an opened {sp}", "can i return opened {p}", "can i return {p} i bought online",
    "can i return online orders in store", "is there a restocking fee",
    "restocking fee on {p}?", "can i return {p} after 30 days", "return window for electronics",
    "what's the return period", "can i return a gift", "can i return a gift without the receipt",
    "do i get cash back or store credit on returns", "where do i return things",
    "where is the returns desk", "can i return sale items", "are clearance items returnable",
    "is {p} returnable", "can i bring back {p}", "i want to return {p}", "i'd like to return {p}",
    "need to return {p}", "want to exchange {p}", "can i take back {p}",
    "can i return {p} if it's been used", "do you accept returns on {cat}",
    "can i return medicine", "can i get a different one instead of {p}",
    "exchange policy", "how do returns work here", "return {p}",
]

T["refund_status"] = [
    "where is my refund", "where's my refund?", "refund status", "refund status for {o}",
    "check my refund", "check refund {o}", "has my refund been processed",
    "has my refund for {o} gone through", "i returned {p} but haven't gotten my money back",
    "when will i get my refund", "when will my refund show up on my card",
    "how long does a refund take", "how long do refunds take to hit my account",
    "i still haven't received my refund for {o}", "my refund for {o} is missing",
    "did my refund go through", "status of my refund", "refund for {o}?",
    "i was charged but returned it, where is the money", "return credit not showing up",
    "i returned something last week and no refund yet", "refund?", "my refund",
    "still waiting on my refund", "when do i get my money back for {o}",
    "the refund hasn't hit my bank", "can you look up my refund", "track my refund",
    "why is my refund taking so long", "refund pending for {o}",
    "i got store credit instead of a refund to my card", "was my refund issued to my card",
    "my refund amount was wrong", "i only got part of my refund for {o}",
    "i was refunded {amt} but paid more", "refund on {o} not received",
    "how long for a refund to a debit card", "where's the money from my return",
    "has {o} been refunded", "i canceled {o}, when do i get my refund",
]

T["order_pickup"] = [
    "i'm here to pick up my order", "pick up {o}", "pickup for {o}", "picking up {o}",
    "i'm here for {o}", "where do i pick up my online order", "where is order pickup",
    "where's the pickup counter", "online order pickup", "pickup", "pick up?", "curbside pickup",
    "how does curbside pickup work", "is my order ready", "is {o} ready for pickup",
    "is {o} ready", "my order ready?", "i got an email my order is ready",
    "where is the pickup locker", "how do i use the pickup locker", "pickup locker code not working",
    "can someone else pick up my order", "can my husband pick up {o}",
    "i'm in the parking lot for curbside", "i'm parked in spot {n1} for pickup",
    "how long do you hold pickup orders", "what do i need to pick up my order",
    "do i need id to pick up my order", "buy online pick up in store",
    "can i pick up {o} {day}", "can i change my pickup time", "what are pickup hours",
    "i placed an order for pickup, where do i go", "collect my order", "click and collect",
    "i want to collect {o}", "order pickup", "i ordered {p} online for pickup",
    "picking up an order for {p}", "check in for pickup", "pickup desk?", "my pickup order is late",
    "my order says ready but nobody's here", "where is the drive up pickup",
]

T["payment_methods"] = [
    "do you take {pay}", "do you take {pay}?", "do you accept {pay}", "can i pay with {pay}",
    "can I pay with {pay}?", "{pay} accepted?", "{pay}?", "is {pay} ok", "is {pay} accepted here",
    "what payment methods do you accept", "what forms of payment do you take",
    "payment options", "how can i pay", "ways to pay?", "can i use {pay} at self checkout",
    "does self checkout take {pay}", "do you take {pay} at the pharmacy",
    "can i split payment between {pay} and cash", "can i pay part with {pay}",
    "can i pay in installments", "do you offer buy now pay later", "do you have financing",
    "can i use my {pay} here", "will {pay} work here", "u take {pay}",
    "does this register take {pay}", "can i tap my phone to pay", "is there a minimum for card payments",
    "do you charge a fee for credit cards", "can i get cash back with {pay}",
    "cash only?", "card only?", "do you accept mobile payments", "can i pay with my watch",
    "can i buy {p} with {pay}", "is {p} eligible for {pay}", "can i write a check",
    "do you take large bills", "can i pay with {pay} online", "accepted payment types",
]

T["gift_card"] = [
    "check my gift card balance", "gift card balance", "gift card balance?", "gift card",
    "how much is on my gift card", "balance on gift card {g}", "what's the balance on card {g}",
    "check balance {g}", "how do i check a gift card balance", "can i buy a gift card",
    "where can i buy gift cards", "do you sell gift cards", "do you sell {amt} gift cards",
    "can i get a {amt} gift card", "i want to buy a {amt} gift card", "do gift cards expire",
    "does my gift card expire", "i lost my gift card", "my gift card was stolen",
    "can you replace a lost gift card", "my gift card isn't working", "gift card {g} declined",
    "can i use a gift card online", "can i use my gift card for {p}",
    "can i reload my gift card", "add money to gift card", "can i get cash for my gift card",
    "do you have e-gift cards", "can i send a digital gift card", "egift card?",
    "can i use two gift cards at once", "can i combine gift cards", "gift card number {g}",
    "what's left on my gift card {g}", "can i pay with a gift card and credit card",
    "how much can i put on a gift card", "gift cards for other stores?",
    "my gift card has no pin", "activate a gift card", "the gift card i bought wasn't activated",
    "corporate gift cards bulk order", "gift card balance {g} please",
]

T["loyalty_program"] = [
    "how do i join the rewards program", "rewards program", "loyalty program?",
    "how many points do i have", "check my points", "my points balance", "points?",
    "points balance for {l}", "check rewards {l}", "member number {l}",
    "how do i sign up for rewards", "sign me up for rewards", "is the rewards program free",
    "how do i earn points", "how many points per dollar", "how do i redeem my points",
    "can i use my points today", "redeem points", "my points didn't show up",
    "i forgot my rewards card", "can you look up my rewards by phone number",
    "i lost my loyalty card", "add my purchase to my rewards", "did i get points for my last purchase",
    "do my points expire", "when do rewards points expire", "what are the member perks",
    "what does membership get me", "member benefits?", "how do i become a member",
    "storemind rewards", "rewards card", "my rewards number is {l}",
    "can i combine two rewards accounts", "update my rewards email",
    "how do i get to the next tier", "what's gold status", "birthday rewards?",
    "do members get free shipping", "member prices?", "is there a membership fee",
    "cancel my rewards membership", "points missing from {o}", "rewards balance",
    "how many points until a reward", "do i get points on {p}",
]

T["promotions"] = [
    "any deals today", "what's on sale", "what's on sale this week", "sales?", "deals?",
    "is {p} on sale", "is {p} on sale?", "any deals on {p}", "any discounts on {cat}",
    "coupons", "do you have coupons", "where can i get coupons", "coupon for {p}?",
    "weekly ad", "where's the weekly ad", "can i see this week's flyer", "flyer",
    "buy one get one deals", "bogo?", "any bogo on {p}", "clearance items",
    "what's on clearance", "do you have a clearance section", "black friday deals",
    "when is your next sale", "do you have a student discount", "senior discount?",
    "military discount", "do you have a teacher discount", "first responder discount?",
    "can i use a manufacturer coupon", "can i stack coupons", "digital coupons",
    "how do i use digital coupons", "promo code", "is there a promo code for online orders",
    "current promotions", "special offers", "specials today", "deal of the day",
    "does {p} have a coupon", "when does {p} go on sale", "is {cat} discounted",
    "any markdowns", "holiday sale", "back to school sale", "percent off {cat}",
    "this coupon didn't scan", "my coupon for {p} didn't work", "any rebates on {p}",
]

T["price_match"] = [
    "do you price match", "do you price match?", "price match", "price matching?",
    "do you match {comp} prices", "do you match {comp}'s price", "will you match {comp}",
    "{comp} has {p} cheaper, will you match it", "{comp} sells {p} for less",
    "can you match the price of {p} at {comp}", "price match {p} with {comp}",
    "what's your price match policy", "price match policy", "i found {p} cheaper online",
    "i saw {p} cheaper at {comp}", "{comp} has it for {amt} less",
    "can you beat {comp}'s price", "do you beat competitor prices",
    "price adjustment", "can i get a price adjustment", "i bought {p} last week and now it's on sale",
    "{p} went on sale after i bought it, can i get the difference",
    "can i get the difference back if the price drops", "price protection?",
    "do you match online prices", "do you match your own website price",
    "the website price is lower than in store", "your app says {p} is cheaper",
    "does price match work on sale items", "what do i need to show for a price match",
    "can i show the price on my phone for price matching", "will you honor {comp}'s ad",
    "match {comp} price", "price match for {cat}?", "do you price match {comp} during black friday",
    "the shelf price was lower than what i paid for {p}",
]

T["warranty_repair"] = [
    "my {item} {brk}", "my {item} {brk}, what do i do", "the {item} i bought here {brk}",
    "i bought a {item} here and it {brk}", "is my {item} still under warranty",
    "is the {item} under warranty", "what's the warranty on a {item}",
    "how long is the warranty on {p}", "does {p} come with a warranty", "warranty",
    "warranty?", "warranty claim", "how do i file a warranty claim",
    "i want to make a warranty claim on my {item}", "can i get my {item} fixed under warranty",
    "my {item} {brk}, is that covered", "is a {brk} {item} covered under warranty",
    "extended warranty", "do you sell extended warranties", "protection plan",
    "how does the protection plan work", "i have the protection plan and my {item} {brk}",
    "can you send my {item} in for repair", "where do i drop off my {item} for warranty repair",
    "status of my {item} repair", "is my {item} repair done", "when will my repair be ready",
    "i dropped off a {item} for repair, any update", "my {item} repair ticket {o}",
    "manufacturer warranty or store warranty?", "do i need the receipt for warranty",
    "warranty registration", "replace my defective {item}", "my {item} is defective, can i get a replacement",
    "the screen on my {item} {brk}", "accidental damage coverage?",
    "does the warranty cover water damage", "cancel my protection plan",
    "how long does a warranty repair take",
]

T["store_services"] = [
    "do you do {svc}", "do you do {svc}?", "do you offer {svc}", "do you have {svc}",
    "{svc}?", "{svc}", "is there {svc} here", "can i get {svc} here", "where can i get {svc}",
    "where do you do {svc}", "how much is {svc}", "how much do you charge for {svc}",
    "how long does {svc} take", "do i need an appointment for {svc}",
    "can i book {svc}", "book an appointment for {svc}", "is {svc} available {day}",
    "what services do you offer", "services?", "what services do you have",
    "can you cut a key for me", "can i get a key copied", "can you print photos from my phone",
    "can i print pictures here", "can i get a flu shot", "can i refill a prescription here",
    "can i transfer my prescription here", "can you gift wrap this", "do you wrap gifts",
    "can you install {p}", "do you install the {item} if i buy it", "will you assemble {p}",
    "can you put together furniture for me", "do you fix cracked phone screens",
    "do you repair {item}s", "can you replace my watch battery", "do you mount tvs",
    "can you mix paint", "can i exchange my propane tank here", "do you cut keys",
    "can you engrave this", "can i recycle batteries here", "where do i drop off old electronics",
    "do you have a photo center", "is there a pharmacist", "can i talk to the pharmacist about {p}",
    "does the pharmacy do vaccines", "can you order a birthday cake", "i want to order a custom cake",
    "can you make a deli platter", "do you offer {svc} for {p}",
]

T["store_facilities"] = [
    "where is the {fac}", "where is the {fac}?", "where's the {fac}", "{fac}?", "{fac}",
    "is there a {fac}", "is there a {fac} here", "do you have a {fac}", "do you have {fac}",
    "where are the {fac}", "where can i find the {fac}", "nearest {fac}", "closest {fac}?",
    "how do i get to the {fac}", "which way to the {fac}", "directions to the {fac}",
    "i need the {fac}", "i need a restroom", "need a bathroom asap", "where can i pee",
    "restroom please", "is the {fac} open", "is there an atm inside", "atm?",
    "do you have wifi", "wifi?", "wifi password", "what's the wifi password",
    "is there free wifi", "how do i connect to the wifi", "guest wifi",
    "where do i park", "parking?", "is parking free", "how long can i park here",
    "do you validate parking", "where is handicap parking", "is there parking for pickup",
    "where are the shopping carts", "where do i get a cart", "cart?", "no carts left, where are more",
    "is there a cart for kids", "where's the way out", "how do i get out of here",
    "exit?", "which door is the exit", "is there an elevator", "where can i charge my phone",
    "is there somewhere to sit", "do you have a place to change a diaper", "water fountain?",
    "do you have wheelchairs", "do you have motorized scooters", "where are the lockers",
]

T["delivery_options"] = [
    "do you deliver", "do you deliver?", "delivery", "delivery?", "home delivery",
    "do you offer home delivery", "can i get {p} delivered", "can you deliver {p}",
    "can you deliver to my house", "same day delivery?", "do you have same day delivery",
    "how much is delivery", "delivery fee", "what's the delivery fee",
    "is delivery free", "free delivery over {amt}?", "free shipping?", "do you ship",
    "do you ship to {city}", "can you ship {p} to me", "shipping options",
    "how long does shipping take", "how long does delivery take", "when will {o} be delivered",
    "track my delivery", "track {o}", "where is my delivery", "my delivery for {o} is late",
    "my package for {o} didn't arrive", "do you deliver furniture", "can you deliver {p} {day}",
    "can i schedule a delivery", "delivery time slots", "do you deliver on weekends",
    "is there express shipping", "next day delivery", "can i change my delivery address for {o}",
    "do you use doordash or instacart", "what's the delivery area", "do you deliver to my zip code",
    "can i have this shipped to my home", "ship to home or ship to store",
    "do you deliver groceries", "can you deliver large appliances", "can i get {cat} delivered",
    "delivery options", "what delivery options are there",
]

T["complaint"] = [
    "i want to file a complaint", "i have a complaint", "complaint", "complaint!",
    "i'd like to make a complaint", "how do i file a complaint", "who do i complain to",
    "the cashier was rude to me", "your staff was really rude", "an employee yelled at me",
    "the lines are way too long", "why is there only one register open", "this is ridiculous, i've been waiting 20 minutes",
    "the bathroom is disgusting", "the store is filthy", "the floor in {dept} is sticky and dirty",
    "i got charged twice for {p}", "the {p} i bought was expired", "the {p} was moldy",
    "{p} was spoiled when i opened it", "the {p} i bought here made me sick",
    "the price on the shelf was wrong and nobody cared", "nobody is helping anyone here",
    "terrible service", "worst store ever", "this is the worst service i've ever had",
    "i'm very unhappy with my visit", "i'm not happy with how i was treated",
    "your employee was unprofessional", "the security guard followed me around",
    "i was treated unfairly", "the self checkout keeps breaking, this is unacceptable",
    "you never have anything in stock, so frustrating", "i want to leave feedback about bad service",
    "i slipped on a wet floor in {dept}", "the parking lot is dangerous",
    "my order was wrong again", "{o} was missing items and no one will fix it",
    "the pickup staff was rude", "i'm tired of the music being so loud", "it's freezing in here, complaint",
    "this store has gone downhill", "very disappointed", "i'm upset about my experience",
    "your delivery driver threw my package", "i want to report an employee",
]

T["human_agent"] = [
    "talk to a person", "i want to talk to a person", "can i talk to a human",
    "human", "human please", "agent", "real person please", "representative",
    "speak to an employee", "can i speak to someone", "can someone help me",
    "i need help from a staff member", "call an employee", "get me an associate",
    "send someone over", "i need an associate in {dept}", "can someone come to {dept}",
    "page someone to {dept}", "i need a store worker", "connect me to customer service",
    "i want to speak to the manager", "get me a manager", "manager please",
    "can i talk to a manager", "is there anyone working here", "where are the employees",
    "i'd rather talk to a person", "this isn't helping, get me a human",
    "you're not helping, i need a real person", "operator", "live agent",
    "i need someone to unlock the case for {p}", "can someone open the locked case",
    "can an employee help me carry this", "i need help loading {p} into my car",
    "i need someone to reach {p} on the top shelf", "call for help", "i need assistance",
    "can a staff member come here", "is there a person i can ask", "can i call the store",
    "what's the phone number for customer service", "stop, person please", "help desk person",
]

T["greeting"] = [
    "hi", "hello", "hey", "hey there", "hi there", "hello there", "good morning",
    "good afternoon", "good evening", "howdy", "yo", "hiya", "greetings", "sup",
    "what's up", "hello?", "hi!", "hey!", "morning", "evening",
    "thanks", "thank you", "thank you so much", "thanks a lot", "thx", "ty",
    "thanks for the help", "thank you, that helped", "great, thanks", "perfect thank you",
    "awesome thanks", "appreciate it", "cheers", "much appreciated", "ok thanks",
    "bye", "goodbye", "see you", "see ya", "have a nice day", "that's all, thanks",
    "that's all i needed", "ok bye", "later", "bye bye", "take care", "good night",
    "nice to meet you", "how are you", "how's it going", "anyone there?", "is this thing on",
    "hello kiosk", "hi storemind", "hey robot", "thanks bye", "all set thanks",
    "hi how are you today", "good morning!", "hello, hi", "ok", "okay cool thanks",
    "you've been helpful", "great job", "nevermind thanks", "no that's it", "done, thank you",
]

T["out_of_scope"] = [
    "what's the weather in {city}", "will it rain {day}", "what's the weather like today",
    "is it going to snow {day}", "tell me a joke", "tell me a joke about {topic}",
    "say something funny", "sing me a song", "what is {n1} times {n2}", "what's {n1} plus {n2}",
    "what is {n1} divided by {n2}", "solve x squared plus {n1} equals {n2}",
    "what is the square root of {n1}", "book me a flight to {city}", "book a hotel in {city}",
    "find me a flight to {city}", "get me an uber", "call me a taxi", "order me a pizza",
    "what is the capital of {country}", "who is the president", "who won the {sport} game last night",
    "what's the score of the {sport} game", "who should i vote for", "what do you think about the election",
    "is the government corrupt", "what's your opinion on immigration", "do i have cancer",
    "i have {sym}, what is it", "i have {sym}, should i be worried", "diagnose my {sym}",
    "what disease causes {sym}", "how much of my blood pressure medication should i skip",
    "should i stop taking my antidepressants", "can you prescribe me antibiotics",
    "should i invest in {co}", "is {co} stock a good buy", "what's the stock price of {co}",
    "should i buy bitcoin", "how should i invest my 401k", "how do i file my taxes",
    "should i declare bankruptcy", "can i sue my landlord", "how do i get a divorce",
    "is it legal to record someone without consent", "give me legal advice about my lease",
    "what time does {place} close", "is {place} open {day}", "where is {place}",
    "what are the hours for {place}", "how do i get to {place}", "phone number for {place}",
    "what is the ceo's salary", "how much does the ceo make", "how many employees work here",
    "how many people work at this store", "how much does the store manager make",
    "what are this store's profits", "how much money did this store make last year",
    "what's the employee discount code", "give me an employee login",
    "what's the security code for the back room", "when do the armored trucks come",
    "what time does security leave", "where does the store keep the cash",
    "can you hack my phone", "hack my ex's instagram", "can you unlock my stolen phone",
    "track my girlfriend's location", "find someone's home address", "what's my neighbor's wifi password",
    "how do i pick a lock", "write my essay for me", "do my homework", "help me with my math homework",
    "translate this into {country} language", "how do you say hello in french",
    "what's the meaning of life", "are you alive", "do you have feelings", "who made you",
    "what's your favorite color", "are you smarter than chatgpt", "play some music",
    "play a song", "set an alarm for 7am", "set a timer", "call my mom", "text my wife",
    "remind me to call the doctor", "what's on tv tonight", "recommend a movie",
    "what's a good restaurant nearby", "when is the next bus", "what's the train schedule",
    "how far is the moon", "how tall is mount everest", "who invented the light bulb",
    "what year did world war 2 end", "what's the population of {country}",
    "how do i fix my car engine", "my car won't start", "how do i change a tire",
    "how do i cook a turkey", "give me a recipe for lasagna", "how many calories should i eat",
    "how do i lose weight fast", "what's a good workout", "is my dog sick",
    "can you walk my dog", "what should i name my baby", "write a poem about {topic}",
    "draw me a picture", "tell me a story", "what's the date today in china",
    "how old are you", "are you married", "will you go on a date with me",
    "how do i become famous", "how do i get rich quick", "what are tomorrow's lottery numbers",
    "predict the {sport} game", "how do i apply for a passport", "renew my drivers license",
    "what's the best college", "convert {n1} miles to kilometers", "what's {n1} percent of {n2}",
    "what is the speed of light", "explain quantum physics", "why is the sky blue",
    "how do i make money online", "can you lend me {amt}", "give me free stuff",
    "what's your wifi speed in megabits to the isp backbone", "who is the owner's wife",
    "what is the regional manager's home address", "when is the store getting robbed",
    "how do i shoplift", "how do i get past the security sensors", "can you turn off the cameras",
    "what time does the walmart close", "is target open {day}", "what's on sale at costco",
    "does amazon have {p} in stock", "what are {comp}'s hours", "how much is {p} at {comp}",
    "is this store being sold", "is the store going out of business", "are you hiring illegal workers",
    "what's the secret menu", "how do i become a millionaire", "what's the best phone plan for me",
    "should i break up with my boyfriend", "i'm bored", "entertain me",
    "what's the wifi password at my house", "how many stars are in the sky",
    "what's the temperature outside", "rate my outfit", "do you like me",
]

# ---------------------------------------------------------------------------
# Variation helpers
# ---------------------------------------------------------------------------

PREFIXES = ["excuse me, ", "hi, ", "hey, ", "hello, ", "quick question, ", "sorry, ",
            "um ", "so ", "ok ", "hi there, ", "yo ", "good morning, ", "question: ",
            "hey kiosk, ", "excuse me ", "pardon me, ", "hiya, "]
POLITE_PREFIXES = ["could you tell me ", "can you tell me ", "do you know ", "i was wondering "]
SUFFIXES = [" please", " pls", " thanks", " thank you", "?", "??", " asap", " real quick",
            " thx", " please?", " right now", " now", "!"]

NO_PREFIX = {"greeting"}


def fill(rng, tmpl):
    def rep(m):
        key = m.group(1)
        if key == "p":
            return rng.choice(PRODUCTS)
        if key == "sp":
            return rng.choice(SHORT_PRODUCTS)
        if key == "cat":
            return rng.choice(CATEGORIES)
        if key == "dept":
            return rng.choice(DEPARTMENTS)
        if key == "size":
            return rng.choice(SIZES)
        if key == "day":
            return rng.choice(DAYS)
        if key == "pay":
            return rng.choice(PAY)
        if key == "comp":
            return rng.choice(COMPETITORS)
        if key == "item":
            return rng.choice(BROKEN_ITEMS)
        if key == "brk":
            return rng.choice(BREAKAGES)
        if key == "svc":
            return rng.choice(SERVICES)
        if key == "fac":
            return rng.choice(FACILITIES)
        if key == "o":
            return order_no(rng)
        if key == "g":
            return gift_no(rng)
        if key == "l":
            return loyalty_no(rng)
        if key == "amt":
            return money(rng)
        if key == "city":
            return rng.choice(CITIES)
        if key == "country":
            return rng.choice(COUNTRIES)
        if key == "place":
            return rng.choice(OTHER_PLACES)
        if key == "topic":
            return rng.choice(TOPICS)
        if key == "co":
            return rng.choice(COMPANIES)
        if key == "sport":
            return rng.choice(SPORTS)
        if key == "sym":
            return rng.choice(SYMPTOMS)
        if key == "n1":
            return str(rng.randint(2, 999))
        if key == "n2":
            return str(rng.randint(2, 99))
        raise KeyError(key)
    return re.sub(r"\{(\w+)\}", rep, tmpl)


KEYBOARD_NEIGHBORS = {
    "a": "qws", "b": "vgn", "c": "xdv", "d": "sfe", "e": "wrd", "f": "dgr", "g": "fht",
    "h": "gjy", "i": "uok", "j": "hku", "k": "jli", "l": "ko", "m": "nj", "n": "bmh",
    "o": "ipl", "p": "ol", "q": "wa", "r": "etf", "s": "adw", "t": "ryg", "u": "yij",
    "v": "cfb", "w": "qes", "x": "zsc", "y": "tuh", "z": "xa",
}


def typo(rng, text):
    """Introduce one realistic typo into a word of 3+ letters."""
    words = text.split(" ")
    idxs = [i for i, w in enumerate(words) if len(w) >= 3 and w.isalpha()]
    if not idxs:
        return text
    i = rng.choice(idxs)
    w = words[i]
    kind = rng.choice(["swap", "drop", "double", "neighbor"])
    j = rng.randrange(1, len(w) - 1) if len(w) > 2 else 0
    if kind == "swap" and len(w) > 3:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif kind == "drop":
        w = w[:j] + w[j + 1:]
    elif kind == "double":
        w = w[:j] + w[j] + w[j:]
    else:
        c = w[j].lower()
        if c in KEYBOARD_NEIGHBORS:
            w = w[:j] + rng.choice(KEYBOARD_NEIGHBORS[c]) + w[j + 1:]
        else:
            w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words)


def vary(rng, intent, text):
    short = len(text.split()) <= 2
    if intent not in NO_PREFIX and not short:
        r = rng.random()
        if r < 0.18:
            text = rng.choice(PREFIXES) + text
        elif r < 0.23 and text.startswith(("where", "what", "how", "when", "which", "is ", "are ")):
            text = rng.choice(POLITE_PREFIXES) + text
    if rng.random() < 0.12 and not text.endswith(("?", "!")):
        text = text + rng.choice(SUFFIXES)
    # casing / punctuation
    r = rng.random()
    if r < 0.12:
        text = text[0].upper() + text[1:]
        if rng.random() < 0.6 and not text.endswith(("?", "!", ".")):
            text += "?" if rng.random() < 0.7 else "."
    elif r < 0.15:
        text = text.upper()
    elif r < 0.30:
        text = re.sub(r"[?!.,']", "", text)
    if rng.random() < 0.10:
        text = typo(rng, text)
    return re.sub(r"\s+", " ", text).strip()


TARGETS = {k: 270 for k in T}
TARGETS["out_of_scope"] = 520
TARGETS["greeting"] = 200


def main():
    rng = random.Random(SEED)
    seen = set()
    rows = []
    for intent in T:
        templates = T[intent]
        got = 0
        # first pass: each template once, plainly filled
        for tmpl in templates:
            text = fill(rng, tmpl)
            key = text.lower()
            if key not in seen:
                seen.add(key)
                rows.append({"text": text, "intent": intent})
                got += 1
        attempts = 0
        while got < TARGETS[intent] and attempts < TARGETS[intent] * 60:
            attempts += 1
            text = vary(rng, intent, fill(rng, rng.choice(templates)))
            key = text.lower()
            if not text or key in seen:
                continue
            seen.add(key)
            rows.append({"text": text, "intent": intent})
            got += 1
    rng.shuffle(rows)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {}
    for r in rows:
        counts[r["intent"]] = counts.get(r["intent"], 0) + 1
    for k in T:
        print(f"{k:18s} {counts.get(k, 0)}")
    print("total", len(rows))


if __name__ == "__main__":
    main()
