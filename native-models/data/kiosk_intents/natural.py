#!/usr/bin/python3
"""Write natural.jsonl (training) and natural_val.jsonl (validation): kiosk questions in the way
shoppers really type them.

train.jsonl (generate.py) is template-filled, so its phrasing is regular: "where is {p}",
"do you have {p} in stock". Real kiosk text is messier: context first ("I bought a kettle here last
month and it stopped heating"), fragments ("gluten free bread??"), misspellings, non-native
English, slang, rudeness, greetings glued to the question, store vocabulary (till, rain check,
layaway, BOPIS, curbside), and chatty questions that are still store questions. Every line below
was written by hand for StoreMind as a literal sentence; a few carry a {p} product slot. The
script adds light, seeded variation (greeting prefixes, sign-offs, casing, one typo) to reach the
target sizes. Stdlib only, deterministic:

    /usr/bin/python3 native-models/data/kiosk_intents/natural.py

natural_val.jsonl is a separate hand-written list (different wording again, no variation), used
with heads/kiosk-intent/dev.jsonl to calibrate the head. The held-out test.jsonl is never read
here; check_overlap.py compares these files with it and prints only counts. Lines that happen to
equal a test line are left out blindly: `check_overlap.py --write-natural-exclude` records their
sha256 (of the normalised text) in natural_exclude.txt, which this script reads.
"""
import json
import os
import random
import re

from literal_lines import digest, norm

SEED = 20250301
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "natural.jsonl")
OUT_VAL = os.path.join(HERE, "natural_val.jsonl")
EXCLUDE = os.path.join(HERE, "natural_exclude.txt")

# Products as shoppers name them (brands, sizes, vague words), for the few {p} lines.
NAT_PRODUCTS = [
    "lactose free milk", "gluten free bread", "the big tub of vanilla yogurt", "sriracha",
    "tortillas", "frozen waffles", "rotisserie chicken", "baby carrots", "pickles", "ramen",
    "coconut water", "decaf coffee pods", "k cups", "string cheese", "cottage cheese",
    "ground turkey", "firewood", "charcoal", "ice melt", "windshield washer fluid", "motor oil",
    "a phone charger for iphone", "an aux cord", "airpods", "a hdmi splitter", "an ethernet cable",
    "printer paper", "sharpies", "glue sticks", "poster board", "a birthday card for my mom",
    "tylenol pm", "zyrtec", "claritin", "children's motrin", "pepto", "dayquil", "nyquil",
    "a pregnancy test", "condoms", "lube", "pads for heavy flow", "hair dye", "bobby pins",
    "dog treats", "puppy pads", "fish food", "bird seed", "kitty litter", "flea shampoo",
    "paper plates", "plastic forks", "solo cups", "balloons", "helium balloons", "candles for a cake",
    "a space heater", "an air purifier", "a humidifier", "a mini fridge", "an extension cord",
    "lightbulbs for a ceiling fan", "command strips", "wd-40", "gorilla glue", "zip ties",
    "reading glasses", "contact solution", "sunglasses", "flip flops", "an umbrella",
    "tampons", "diapers size 3", "formula", "baby shampoo", "sippy cups",
    "oreos", "doritos", "pringles", "gatorade", "red bull", "la croix",
]

L = {}  # training lines, intent -> literal lines ({p} = a product from NAT_PRODUCTS)
V = {}  # validation lines, intent -> literal lines

L["find_product"] = [
    "gluten free bread??", "I'm making tacos tonight, which aisle has the taco shells",
    "hi, I've been walking around for ten minutes and can't find the peanut butter",
    "my wife sent me for coconut milk, no idea where that would be", "soy sauce aisle pls",
    "where u keep the baby formula", "yo where the energy drinks at", "which way to the greeting cards",
    "need batteries for my kid's toy car, where do I look", "tampons??", "printer ink which aisle",
    "sorry my english not good, where I can find rice", "please where is flour for bake cake",
    "the frozen pizzas, are they near the ice cream or somewhere else", "cant find the cough medicine anywhere",
    "is the pet food on this side of the store", "which aisle is hot sauce", "where did you move the cereal to",
    "you moved the coffee again?? where is it now", "why is nothing labeled in here, where's the bread",
    "where is the rotisserie chicken usually", "hi there! looking for birthday candles",
    "trying to find a usb c cable for my phone", "phone chargers, what part of the store",
    "halloween stuff, where is it this year", "christmas lights section?", "seasonal aisle where",
    "the organic section, which way", "where's the deli counter", "how do i get to the bakery from here",
    "pharmacy?", "where's the pharmacy counter", "Where can I find the light bulbs?", "lightbulbs",
    "excuse me, in which aisle are the paper towels", "do you know which aisle the spices are in",
    "where do you keep the charcoal for grills", "looking for the kids toothpaste, the one with cartoons",
    "hey I need a birthday card, where are those", "where would contact lens solution be",
    "aisle for cleaning stuff", "the dog food aisle please", "which aisle are the chips in, the big bags",
    "i need sunscreen for the beach tomorrow, where is it", "where r the diapers",
    "wheres the milk", "where the eggs at", "bread aisle??", "frozen veggies where",
    "im looking for the international food aisle, like mexican and asian stuff",
    "where do i find ingredients for sushi", "do you know where the baking stuff is",
    "need a gift bag asap where are they", "whr is the toilet paper", "were is the shampoo",
    "wich aisle for cat litter", "where's the wine section", "beer?", "the beer cooler, where",
    "where can i grab a cold drink", "where are the sodas, the 2 liters", "ice bags where",
    "I need ice, where is it kept", "what aisle are the trash bags on", "extension cords which aisle",
    "hdmi cable, which department", "where are the headphones in electronics", "tv section?",
    "can you point me to the school supplies", "where are your notebooks and pens", "office supplies where",
    "the garden center is where", "plant food and potting soil, where", "bird seed aisle",
    "I'm at the front door, which way to produce", "i only see fruit, where are the veggies",
    "hi, where is the meat department", "seafood counter?", "where do u have the fresh fish",
    "the hot food section, where is it", "where is the salad bar", "baby aisle please",
    "sippy cups and bottles, which aisle", "where's the vitamin aisle", "where are the protein powders",
    "I need {p}, where do I go", "{p}, which aisle?", "where would I find {p}", "can't find {p} anywhere, help",
    "my mom needs {p}, which part of the store is that in", "{p}??", "looking for {p} pls",
    "excuse me where do you keep {p}", "which aisle has {p} in it", "hi! where is {p}",
    "um hello, {p}?", "ok so where is {p}", "{p} where", "aisle number for {p} thx",
    "Where are the reading glasses, my eyes are bad", "where is the first aid stuff, band aids and all that",
    "kitchen stuff like pots and pans?", "where are the phone cases for samsung", "car stuff, like air fresheners for the car",
    "motor oil?", "where do you keep the lottery tickets scratchers", "where are the stamps",
    "is the bakery at the back", "which side is the dairy on", "where is the cheese, the fancy kind",
    "the gluten free stuff is all in one place or mixed?", "where's the vegan section",
    "kosher food aisle", "where is halal meat", "where is the sugar free stuff for diabetics",
]
V["find_product"] = [
    "I need shoe polish for a funeral tomorrow, which aisle", "can't for the life of me find the vinegar",
    "paper cups, what aisle would that be", "where did the cereal bars go, they used to be here",
    "hey whats the aisle for lunch bags", "pls where i find the tea bags", "pet toys section?",
    "lookin for mouthwash", "which direction is the freezer section", "where do you have picture frames",
    "the light bulbs, which aisle", "where's the camping gear",
]

L["check_stock"] = [
    "hi, do you have gluten free pasta?", "do you guys sell car batteries or nah", "any more of the big eggs in the back?",
    "the shelf for the 24 pack of water is empty, is there more", "you out of toilet paper again??",
    "i came yesterday and the almond butter was gone, did it come back", "when is the next truck, you never have oat flour",
    "is the ps5 in stock today", "any nintendo switch left", "do u have iphone 15 cases",
    "you have milk no lactose?", "have you got any charcoal left for the weekend", "my size diapers are empty on the shelf, size 5, any in back",
    "will you get more of the pumpkin spice creamer", "is there still some of that sale chicken left",
    "do you stock baby formula, the sensitive one", "do you carry halal meat", "do you sell stamps here",
    "do you sell lottery tickets", "do you have propane tanks", "can i get firewood here",
    "is the air fryer from the ad still available", "sold out of the advertised tv?", "is the 55 inch samsung in stock at this store",
    "can you check if there are any more blue paint cans", "anything left of the halloween candy",
    "how many of the space heaters do you have", "how many in stock of the kids bikes", "i need 6 of the same fan, do you have that many",
    "check stock for size 7 crocs", "stock check please: printer ink hp 67", "do you have this in a bigger size",
    "any chance you have the red one instead of the black one", "does this come in white, the shelf only has grey",
    "do you have any fresh bread left this late", "any rotisserie chickens left?", "is there turkey left for thanksgiving",
    "did the new shipment of masks come in", "are you getting the new iphone in", "when do you restock the baby formula",
    "what day do you get deliveries, the bananas are always gone", "restock on paper towels when??",
    "why are you always out of eggs, will there be more tomorrow", "its been empty for a week, are you ever getting more ice cream",
    "do you have a bigger bag of dog food than whats on the shelf", "is the family pack of chicken available",
    "sorry, do you have tampons without applicator", "do yall carry gluten free beer", "yall got hot cheetos",
    "got any cold gatorade", "do you have fresh flowers today", "any roses left for valentines",
    "can you tell me if you have printer paper in stock", "is there any {p} left", "do you have {p}",
    "you guys carry {p}?", "any {p} in the back?", "is {p} sold out", "do you still sell {p}", "{p} in stock??",
    "when will {p} be back", "hi, do you have {p} today", "got {p}?", "do you have {p} or no",
    "I looked everywhere for {p}, are you out?", "does this location have {p}",
    "can i buy {p} here", "is {p} available at this store", "y'all out of {p}?",
    "do you have any more of these in the back", "is this the last one or do you have more",
    "do you have a different size of this shirt", "is this available in a size medium",
    "you carry any vegan cheese", "do you sell hunting licenses", "do you sell cigarettes",
    "do you have alcohol free mouthwash", "is the wine on aisle 9 sold out", "any cases of bottled water left",
    "the bread aisle is almost empty, is more coming", "out of stock sign on the coffee, when back",
    "check if you have 2 more of the camping chairs", "can you look up if the blender is in stock",
    "is the xbox controller available or do i have to order it", "do you have the lego set from the flyer",
    "do u still have the christmas lights or are they gone", "hey r u out of bananas",
    "do you carry refills for my soda stream",
    "are pregnancy tests something you carry", "is there baby food in stock, the pouches",
    "i need 40 cupcakes for tomorrow, do you have that many", "do you have enough turkeys for a big order",
]
V["check_stock"] = [
    "the shelf with the sparkling water is bare, any more coming", "you guys still have kiddie pools?",
    "do you sell fishing bait here", "any chance the cordless vacuum is in stock", "hi does this store carry mochi",
    "got any more of the 12 pack of coke in the back", "is the blender from the flyer gone already",
    "do you have this jacket in XL", "when does the new stock of formula arrive", "do you still carry the store brand almond milk",
    "is there ice cream cake available", "does this location stock pool chlorine",
]

L["check_price"] = [
    "how much is this?", "hi, this has no price on it, how much", "the sticker fell off, what's the price",
    "hey how much r the avocados today", "how much is a gallon of milk here", "price of the rotisserie chicken?",
    "how much do the big bags of dog food run", "what's the cost of a 12 pack of coke", "what do you charge for ice",
    "how much does the ps5 cost at this store", "price for the 65 inch tv in the window", "how pricey are the airpods",
    "the shelf says 3.99 but the scanner says 4.99, which is it", "the price on the shelf and the tag are different",
    "is the price per pound or each", "how much per pound are the grapes", "are the bananas priced by the bunch or the pound",
    "what's this cost, barcode is 0 12345 67890 5", "can you scan this and tell me the price",
    "price check pls", "price check on the blue detergent", "how much?", "cost??",
    "i have 20 dollars, is that enough for a bag of dog food and cat litter", "whats the cheapest coffee you have",
    "what's your cheapest phone charger", "which is cheaper, the store brand or the name brand cereal",
    "how much is a pack of diapers size 4", "how much are the flowers by the entrance",
    "how much is a cake from the bakery", "how much does a birthday cake cost", "price for a dozen eggs",
    "how much for 2 pounds of ground beef", "how much are cigarettes", "price of a bag of ice",
    "how much is {p}", "what's the price of {p}", "{p} how much", "how much do you sell {p} for",
    "hi! how much is {p} today", "is {p} expensive here", "price on {p}?", "what does {p} cost at this store",
    "{p} price pls", "how much would {p} be", "what's {p} going for", "how much are you charging for {p}",
    "no tag on {p}, how much", "cost of {p}??", "how much {p}", "tell me price {p} please",
    "what does a case of water cost", "how much is the big box of laundry pods", "the one liter olive oil, price?",
    "how much is it for the printer ink, the black one", "how much does the family size pizza cost",
    "how much r the pumpkins outside", "what do the christmas trees cost", "price for firewood bundle",
    "how much does a tank of helium cost", "how much for a balloon",
    "what's the price of the 4 pack of batteries vs the 8 pack",
    "what's the unit price on this", "is this 2 for 5 or 5 each", "does this cost more at the till than the sign",
    "how much r the headphones on the end cap", "the shelf label is missing for the shampoo, how much",
    "what is price of rice bag 20 pound", "please how much cost this milk", "cuánto cuesta... sorry how much is the bread",
    "yo whats the damage on a pack of red bull", "price of the cheapest tv you got", "how much is the most expensive laptop",
    "can you tell me how much the kids bikes are", "how much are school backpacks", "what's the price range for air fryers",
    "how much for the chicken wings at the deli", "what's the deli price for turkey per pound",
    "how much do the salads cost at the salad bar", "how much is a cup of coffee at the cafe",
    "is the price the same online and in store", "do prices here include tax", "how much is this with tax",
    "i was charged 6 bucks for this, what's the real price", "how much would 3 of these be",
]
V["check_price"] = [
    "what's the damage on a carton of eggs", "the mangoes, how much each", "no price on the scented candles, what do they cost",
    "how much does the 4 pack of toilet paper run", "hello, price of the toaster oven please", "what do you sell charcoal for",
    "is the yogurt 1 dollar each or for the pack", "hw much is a bag of oranges", "what's the cost of printer paper, one ream",
    "how much are you asking for the patio chairs", "what's the price on the sushi at the deli", "how much is a slice of cake",
]

L["store_hours"] = [
    "hi, what time do you guys close tonight", "are you open christmas day", "open on thanksgiving or no",
    "do you close early on christmas eve", "what time does the pharmacy close today, i need to pick something up after work",
    "is the bakery open this early", "what time does the deli stop serving", "hours for the customer service desk",
    "when does the garden center close", "how late is the pharmacy open on saturdays", "are you 24 hours",
    "do you stay open all night", "what time do you open in the morning", "earliest i can come in tomorrow?",
    "when do you open on sundays", "hours?", "hrs today", "open till when", "closing time?",
    "how long are you open tonight", "u open late?", "are you open on the 4th", "is the store open on new years",
    "holiday hours please", "what are your hours during the holidays", "do you have senior hours in the morning",
    "is there a special shopping hour for seniors or disabled people", "when does the store close on weekends",
    "i work till 10, will you still be open", "can i come at 11pm or are you closed", "are you closed on easter sunday",
    "what time does the pharmacy drive thru open", "does the pharmacy close for lunch", "pharmacy lunch break time?",
    "when does the photo counter close", "what time does the electronics department close",
    "how late can i return stuff at the service desk", "what time does curbside pickup stop",
    "sorry, what time do you open tmrw", "opening hours saturday pls", "what time yall close",
    "you open memorial day?", "is the store open on labor day, we need stuff for a bbq", "hours for black friday",
    "what time do the doors open on black friday", "are you open on sunday morning before church",
    "when is the store closed", "which days are you closed", "are you open every day of the week",
    "Hello! Could you tell me your opening times?", "business hours", "whats the hours of the bakery today",
    "does the deli open at the same time as the store", "what time does the liquor section stop selling",
    "until what time can i buy beer", "when does the cafe inside the store close",
    "how long does the self checkout stay open", "are the tills open all night", "do you close at 9 or 10",
    "is it 9 or 10 that you close on fridays", "im driving 40 min, will you be open when i get there at 8:45",
    "i need to get here before you close, what time is that", "is the store open now",
    "are you guys open right now", "open now?", "still open?", "r u open on sundays", "open sat?",
    "hi! wondering what time you open tomorrow morning", "what time does the store open on christmas eve",
    "are you open tomorrow, its a holiday", "will you be open during the snow storm", "are you open during the power outage",
    "closing hours for the optical center", "what time does the tire center close", "when does the gas station here close",
    "what are the hours for the lab at the pharmacy", "how late is the flu shot clinic open",
    "what time does the car wash here close", "hours of the photo lab on sundays",
    "what time is last call for the deli meat slicer", "kitchen hours for the hot food counter",
    "what time do you stop doing returns today", "when does the pickup counter open",
    "will you be open on juneteenth", "is the store open on veterans day", "what are the hours on halloween",
    "do you close early new years eve", "are you open on boxing day", "mlk day hours",
    "what time does the pharmacy open on sunday", "is the pharmacy open 24 hours",
]
V["store_hours"] = [
    "how late are you guys open on a friday", "do you open before 7", "is the deli open after 8pm",
    "will the store be open on presidents day", "when does the bakery counter shut", "what time are you closing today",
    "is the pharmacy open on sunday afternoon", "closing time tonite?", "are you open overnight",
    "what are the hours over the thanksgiving weekend", "what time can i come in earliest on saturday", "opening hrs for the garden shop",
]

L["return_policy"] = [
    "i bought a shirt here last week and it doesnt fit, can i bring it back", "can i return something i opened",
    "what's your return policy on electronics", "how many days do i have to return stuff", "return window?",
    "i lost my receipt, can i still return this", "no receipt, can i exchange it", "can i exchange this for a different size",
    "my son got this as a gift and already has one, can we swap it", "can i return a gift without a receipt",
    "do you do returns on sale items", "can i return clearance stuff", "is it final sale if it was on clearance",
    "can i return food if i didnt like it", "the milk was sour, can i bring it back", "can i return medicine",
    "can i return an opened video game", "do you take back mattresses", "can i return a used vacuum",
    "i bought this online, can i return it in the store", "can i return an amazon order here", "return stuff from the website in store?",
    "do i get cash back or store credit", "will you refund to my card or give me a gift card", "how do returns work here",
    "where do i go to return something", "returns desk?", "returns", "return", "i want to return this",
    "i need to return a toaster", "bringing back a broken lamp, what do i do", "how do i exchange something",
    "is there a restocking fee", "do you charge a fee for returning a tv", "can i return it if the box is gone",
    "i threw out the packaging, can i still return", "can i return without the tags", "tags are cut off, returnable?",
    "is there a limit on how many returns", "can my husband return it if i paid", "can i return something bought at another location",
    "can i return this at a different store in the chain", "christmas gift return policy", "do you extend returns over the holidays",
    "what's the deadline to return holiday gifts", "how long is the return period for phones", "30 days or 90 days for returns?",
    "can i return a phone i activated", "can i return a opened bag of dog food, my dog hates it", "return policy for plants",
    "the plant died, can i return it", "can i return paint that was mixed", "is swimwear returnable",
    "can i return underwear", "can i return earrings", "hey so i bought the wrong size printer ink, can i swap it",
    "i bought the wrong charger, return?", "how do i return something without my card", "paid cash, can i return",
    "what do i need to bring to return something", "do i need id to return", "why do you ask for id for returns",
    "exchange only or money back?", "can i return something i bought 2 months ago",
    "its been 31 days, can i still return it", "can you make an exception on the return date", "return this pls",
    "sorry, need to return, wrong item", "how do i return a item i buy yesterday", "i want give back this product",
    "i changed my mind about the blender, can i return it unopened", "buyers remorse, can i return a tv",
    "return policy", "returns policy for electronics please", "can i return a bike that's been assembled",
    "do you accept returns of opened makeup", "can i return a mattress after sleeping on it", "satisfaction guarantee?",
    "what's your policy if i'm not happy with a product", "can i bring back groceries", "can i return a cake",
    "can i return a half used bottle of shampoo", "can i return it if it was a gift from my grandma",
    "exchange for store credit?", "can i exchange a christmas sweater for a different color",
]
V["return_policy"] = [
    "got this as a gift and it's the wrong size, can I swap it", "how long do i have to bring back a laptop",
    "is opened software returnable", "can i return this without the original box", "do you give cash back on returns",
    "my receipt is gone, what are my options for returning", "return deadline on christmas presents?",
    "can i return shoes i wore once", "im not satisfied with this coffee maker, can i return it", "can i return an item bought at another branch",
    "returns counter where", "is there a fee for returning opened electronics",
]

L["refund_status"] = [
    "I returned a kettle 2 weeks ago and still don't see the money", "where is my refund", "my refund hasnt come through",
    "still no refund on my card", "how long does a refund take to show up", "when will i get my money back",
    "refund status?", "i returned stuff online and no refund yet", "you guys said 5 days for the refund, its been 10",
    "the cashier said refund in 3 days, nothing yet", "my refund went to the wrong card", "refund on a card i closed, what now",
    "did my refund go through", "can you check my refund for order 40912", "refund for order #77210?",
    "check refund status SM-550213", "my return was processed but the money isnt back", "when does the return credit hit my account",
    "how long for refunds to debit cards", "refund to paypal how long", "refund not showing in my bank",
    "the refund is pending on my account for a week", "i got a partial refund only, where's the rest",
    "i was refunded the wrong amount", "why was my refund less than what i paid", "you refunded me 10 dollars short",
    "refund still processing?", "is my refund approved", "was my refund approved or rejected",
    "i mailed the package back, has it been received and refunded", "tracking the refund for my returned vacuum",
    "hey where's my money from the return last week", "i want to know about my refund", "refund where",
    "any update on my refund", "i'm still waiting for my refund", "how long do i have to wait for my refund",
    "they told me the refund was issued, bank says no", "my refund was supposed to be on a gift card, where is it",
    "store credit from my return isn't on my account", "i returned it at the desk and they didnt give me my money back yet",
    "refund for the cancelled online order, when", "i cancelled my order, where's the refund",
    "the order was never delivered and i want to know when the refund comes", "money back for missing items in my pickup order?",
    "i was charged twice, when is the refund coming", "when do i get refund for double charge",
    "please check status of refund, i returned tv last month", "refnd status pls", "my reimbursement hasnt arrived",
    "credit from my return, when does it show", "my refund is late", "it's been 3 weeks, where is my refund",
    "can you look up whether my refund was sent", "return receipt says refunded but i dont have it",
    "i need my refund now, rent is due", "the bank says you never sent the refund", "refund sent to which card?",
    "how do i check on a refund", "does the refund take longer on a credit card", "refund on apple pay how long",
    "my refund for order 88121 is missing", "order 30119 refund?", "refund for SM-118204",
    "still havent got my money back for the broken blender i returned", "i returned the shoes online, refund?",
    "when does the refund for the price adjustment show up", "my price adjustment refund isn't on my card",
    "they said refund in 7-10 business days, it's day 12", "refund hasnt posted", "refund not received",
    "i returned it 2 weeks ago where is the money", "where my refund at", "yo i want my refund",
    "hello, i'm checking on a refund from last tuesday", "could you tell me if my refund was processed",
]
V["refund_status"] = [
    "the return was accepted days ago but my card hasn't been credited", "when should my refund land on my visa",
    "hi, my refund for order 61207 never arrived", "how come the refund is taking weeks", "money from the returned drill still not back",
    "has the refund for my cancelled pickup order been issued", "bank shows nothing from your refund", "refund update please",
    "is there a way to see if my refund went out", "i was told refund in 5 days, now its 2 weeks", "i'm owed a refund, where is it",
    "the refund on my gift card from the return isn't there",
]

L["order_pickup"] = [
    "hi, I ordered online for pickup, where do I go", "i'm here for my online order", "here to pick up an order for smith",
    "BOPIS counter?", "where is buy online pick up in store", "where do i pick up my online order", "pickup counter which way",
    "i'm in the parking lot waiting for curbside, spot 7", "parked out front for curbside, how long", "curbside, im here",
    "i got the email that my order is ready, now what", "my order says ready for pickup, where do i get it",
    "is my order ready yet? 40215", "is order 77120 ready", "can you check if SM-301224 is ready for pickup",
    "how long til my pickup order is ready", "i ordered an hour ago, is it ready", "i placed a pickup order this morning",
    "can someone else pick up my order", "can my husband pick up my order, it's under my name", "what do i need to bring to pick up an order",
    "do i need id to pick up my order", "i forgot my order number, can i still pick up", "pickup with just my name?",
    "where are the pickup lockers", "the pickup locker code isn't working", "the locker wont open", "locker pickup how does it work",
    "how does curbside work", "do i need to call when i arrive for curbside", "which parking spots are for pickup",
    "how long will you hold my pickup order", "i can't come today, can you hold my order till tomorrow",
    "can i change my pickup time", "can i pick up my order earlier than scheduled", "my pickup window is 3-4, can i come now",
    "i'm late for my pickup window, is it still there", "can i pick up at a different store", "change pickup location?",
    "my pickup order is missing an item", "the pickup order has the wrong items", "where is the online order desk",
    "ship to store order, where do i get it", "i had something shipped to this store for pickup", "site to store pickup",
    "is my ship to store package here yet", "i got a text that my package arrived at the store",
    "can i add something to my pickup order", "can i pay at pickup", "do i pay when i pick up",
    "i'm picking up for my neighbor", "order pick up", "pick up order", "pickup", "curbside pickup please",
    "im outside", "i'm outside in a red honda for my order", "here for curbside, blue car spot 3",
    "drive up pickup where", "how do i check in for drive up", "the app says check in, i did, nobody came",
    "been waiting 20 min in the pickup spot", "no one has brought my order out yet", "where do i park for order pick up",
    "pickup for order 55021 please", "pick up #88312", "order SM-900117 pickup", "here to collect order 12203",
    "collect my order", "i want to collect my click and collect order", "click and collect?", "is there a pickup desk",
    "do you do same day pickup", "can i order online now and get it in an hour", "how fast can i pick up if i order now",
    "is pickup free", "is there a fee for curbside", "minimum order for curbside?", "can i pickup alcohol in my order",
    "the grocery pickup order, where", "i ordered a tv for pickup, do i need a big car, where do i load it",
    "large item pickup, where is the loading area", "i bought a couch online for pickup, where's the warehouse door",
    "pharmacy pick up order?", "my order was cancelled but i wanted to pick it up", "why did my pickup order get cancelled",
    "hey is my order ready, name is garcia", "order under jones ready?", "can you bring my order to my car",
    "pick up for my mom, she ordered online", "i dont have the app, can i still get my pickup order",
]
V["order_pickup"] = [
    "the app says my groceries are ready, where do I collect them", "im in the curbside bay number 4",
    "is my click and collect order 33019 ready", "can my daughter grab my online order for me", "how long do you keep an order before cancelling it",
    "where's the pickup lockers at", "i ordered a grill for store pickup, where do i get it", "waiting outside for my pickup order, silver suv",
    "drive up order here", "can i move my pickup to saturday", "my pickup order is short one item", "bopis desk please",
]

L["payment_methods"] = [
    "do you take apple pay", "can i pay with my phone", "hi, is tap to pay ok at the self checkout",
    "do you accept ebt", "can i use snap here", "wic accepted?", "do you take food stamps for hot food",
    "can i pay with a check", "do you accept personal checks", "cash only at the self checkout?", "do you take 100 dollar bills",
    "can i pay with coins", "do you take amex", "is american express accepted", "discover card ok?",
    "do you take foreign cards", "can i pay in euros", "do you accept canadian money", "can i use my hsa card",
    "fsa card accepted at the pharmacy?", "do you take paypal in the store", "venmo?", "cash app accepted?",
    "do you do afterpay", "can i pay in installments", "do you have layaway", "layaway for christmas?",
    "how does layaway work here", "can i put a tv on layaway", "do you offer financing", "0% financing on laptops?",
    "can i finance a fridge", "do you have a store credit card", "can i apply for the store card here",
    "split payment, half cash half card, possible?", "can i use two cards", "can i pay with a gift card and a credit card",
    "can i pay with bitcoin", "crypto accepted?", "do you take google pay", "samsung pay works here?",
    "does the self checkout take cash", "can i get cash back at the till", "cash back limit?", "do you do cash back with debit",
    "is there a card minimum", "minimum purchase for card", "do you charge extra for credit cards", "surcharge for credit?",
    "my card doesn't have a chip, can i swipe", "can i pay without a card, just my phone number", "can i pay by invoice for my business",
    "do you accept purchase orders", "can i pay with a business check", "do you take tax exempt cards",
    "how do i pay tax exempt", "can i use a manufacturer coupon and pay with ebt", "can i pay online and pick up",
    "payment options?", "what can i pay with", "ways to pay", "what forms of payment do you accept",
    "do you take klarna", "does this store accept contactless", "can i pay with my watch", "is apple watch pay ok",
    "hi! can i pay with a travelers check", "do u take debit", "credit card ok?", "do you guys accept visa",
    "mastercard?", "can i pay cash at the pharmacy", "does the pharmacy take my insurance card as payment",
    "can i use my ebt card for the rotisserie chicken", "can i buy diapers with wic", "can i pay with my phone wallet at the deli",
    "do you take checks from out of state", "can i pay with a money order", "can you break a 100",
    "can i pay later",
    "is there buy now pay later", "do you have rent to own", "can i pay by bank transfer",
    "please you accept card from other country", "my card from mexico works here?", "can i pay in pesos",
]
V["payment_methods"] = [
    "will the self checkout take my apple watch", "do you guys accept checks still", "can i use snap benefits for groceries here",
    "is there a no-interest payment plan for tvs", "can i pay with two different debit cards", "does the deli take cards",
    "can i split the bill between cash and venmo", "layaway available on bikes?", "do you take discover at the pharmacy",
    "can i get 40 dollars cash back", "my card is from the uk, will it work", "are fsa cards ok for sunscreen",
]

L["gift_card"] = [
    "how much is left on my gift card", "check gift card balance", "gift card balance please", "balance on my gift card?",
    "i got a gift card for christmas, how do i check it", "gift card ending in 4410, balance?", "whats left on card 6011 0000 1234 5678",
    "my gift card isn't working at the register", "gift card declined", "the cashier said my gift card is zero, it had 50 on it",
    "i lost my gift card, can you replace it", "my gift card was stolen", "can i get a new card if i have the receipt for it",
    "where do you sell gift cards", "do you sell gift cards for other stores", "do you have itunes gift cards",
    "can i buy a visa gift card here", "how much can i put on a gift card", "max amount on a gift card?",
    "can i reload my gift card", "add money to my gift card", "top up gift card", "how do i activate a gift card",
    "the gift card i bought wasn't activated", "my gift card says inactive", "do gift cards expire",
    "is there a fee on gift cards", "can i use a gift card online", "can i use a gift card for pickup orders",
    "can i cash out my gift card", "can i get cash for the rest of my gift card", "gift card has 3 dollars left, can i get cash",
    "can i combine two gift cards", "can i transfer gift card balance", "e-gift card how do i use it in store",
    "i got an e gift card by email, how do i use it here", "digital gift card at the register?", "can i print an egift card",
    "can you send a gift card by email", "can i buy a gift card with a credit card", "can i buy a gift card with ebt",
    "bulk gift cards for my employees", "corporate gift cards", "gift card for 25 dollars please",
    "hey how do i see how much is on this gift card", "gift card balance check pls", "gc balance",
    "gift card?", "giftcard", "i want a gift card", "gift cards", "is there a gift card kiosk",
    "can i use a gift card to pay for a gift card", "the pin on the back is scratched off", "gift card number is unreadable",
    "somebody used my gift card balance", "my gift card was emptied, i never used it", "is my gift card a scam",
    "i got a gift card from my boss, does it work at all locations", "will my gift card work at the pharmacy",
    "can i use my gift card at the gas station here", "can i use gift card for layaway", "gift card for returns?",
    "i returned something and got a gift card, how much is on it", "merchandise credit card balance",
    "store credit card balance, the return card", "is store credit the same as a gift card",
    "hi, can you look up a gift card for me", "card ending 2290 gift balance", "gift card 7777 8888 9999 0000",
    "how do i register my gift card", "can i put my gift card in my phone wallet", "gift card in apple wallet?",
    "can i split a gift card with my sister", "my kid got a gift card, can she use it without me",
]
V["gift_card"] = [
    "how do i check what's left on a gift card from my aunt", "gift card no balance but i never used it",
    "can i load 100 dollars on a gift card", "do you sell amazon gift cards", "my egift card won't scan at the till",
    "the gift card i bought last week was never activated", "what's the balance on card ending 8812", "lost my gift card, receipt still here",
    "are there gift cards for the bakery", "can i use two gift cards on one purchase", "do your gift cards ever expire", "gift card reload at the register?",
]

L["loyalty_program"] = [
    "how many points do i have", "check my rewards", "my points balance please", "rewards balance?",
    "how do i sign up for the rewards program", "is the membership free", "how do i join your loyalty club",
    "do i need the app for rewards", "i forgot my rewards card, can i use my phone number", "can you look up my account by phone",
    "points didnt get added from my last trip", "my points are missing", "i bought stuff yesterday and got no points",
    "can i add points from an old receipt", "how do points work", "how many points per dollar",
    "what can i redeem points for", "how do i use my points", "can i use my points today", "redeem rewards at checkout?",
    "do my points expire", "when do points expire", "i lost all my points, why", "my points expired without warning",
    "what's the difference between silver and gold member", "how do i get to the next tier", "perks of membership?",
    "what are the benefits of being a member", "do members get free shipping", "member prices?",
    "do i get a birthday reward", "where is my birthday coupon from the rewards", "how do i get the member only deals",
    "can i share points with my wife", "can i merge two rewards accounts", "change the phone number on my rewards",
    "update my email on rewards account", "how do i cancel my membership", "is there a yearly fee for the premium membership",
    "i want to quit the rewards program", "delete my loyalty account", "lost my rewards card, need a new one",
    "can i get a new loyalty card", "replace membership card", "rewards number 4412 3345 points?",
    "member number 88120045, balance", "loyalty program?", "rewards", "points", "my points",
    "is there a loyalty program", "do you have a club card", "do you have a membership card like costco",
    "do points work on gas", "fuel points how many do i have", "can i use fuel points at the pump",
    "do i earn points on gift cards", "do i earn points on pharmacy purchases", "do prescriptions count for points",
    "hi! how do i see my rewards", "howw many pointss i have", "rewards acount login not working",
    "i signed up but my card isn't linked", "my app doesn't show my rewards", "rewards app keeps logging me out",
    "the cashier forgot to scan my rewards", "can you add my rewards to a purchase i just made", "forgot to enter my phone number for points",
    "when do i get my rewards certificate", "where is my 5 dollar reward", "i have 500 points, how much is that worth",
    "how much is 1000 points in dollars", "can i donate my points", "student membership?", "military member program?",
    "senior rewards program?", "do teachers get a rewards discount", "is there a program for frequent shoppers",
    "yo how do i get the member prices", "i want those member discounts, how", "sign me up for rewards",
    "excuse me, how can i become a member", "i'm a member, why didnt i get the member price",
]
V["loyalty_program"] = [
    "do i have enough points for a free coffee", "my rewards didn't go through on yesterday's receipt", "how do i link my club card to the app",
    "is gold membership worth it", "signing up for the loyalty card, how", "look up my points, phone 555 0199",
    "will my reward points expire at the end of the year", "how many points do i get for 50 dollars", "i lost my membership card",
    "where do i see my member coupons", "rewards tier benefits?", "can my son use my rewards account",
]

L["promotions"] = [
    "any deals today", "whats on sale this week", "is there a sale on tvs", "hi, are the avocados on sale",
    "do you have coupons", "where is the weekly ad", "can i see the flyer", "weekly flyer?", "any bogo deals",
    "buy one get one this week?", "is the cereal still buy 2 get 1", "the sign says bogo but it rang up full price, is the deal still on",
    "is {p} on sale", "any discount on {p}", "coupon for {p}?", "are there any deals on {p} this week",
    "whats on clearance", "clearance section deals?", "do you have a clearance rack", "markdowns today?",
    "do you do student discounts", "senior discount day?", "is there a military discount", "do teachers get a discount",
    "veterans discount?", "do you have a first responder discount", "any discount for nurses", "discount for buying in bulk?",
    "if i buy 10 do i get a deal", "case discount on wine", "do you do a discount on a full case", "black friday deals",
    "when does the black friday sale start", "cyber monday in store?", "back to school sale when", "memorial day sale?",
    "is there a 4th of july sale", "after christmas sale?", "when do the halloween costumes go 50% off",
    "when does the christmas stuff go on clearance", "can i use a competitor coupon", "can i use a manufacturer coupon",
    "can i stack coupons", "can i use two coupons on one item", "digital coupons how", "where do i clip digital coupons",
    "the coupon in the app didnt work", "my coupon was rejected at the till", "coupon expired yesterday, can i still use it",
    "promo code for the store", "do you have a promo code", "is there a discount code for first time shoppers",
    "rain check for the sale item", "can i get a rain check, the sale chicken is gone", "do you give rain checks",
    "the advertised special is sold out, rain check?", "is the sale price online also in store", "is the online sale valid here",
    "does the sale end today", "when does this sale end", "how long is the sale on", "is this the sale price or regular",
    "is the yellow tag the sale price", "what do the red stickers mean, are they discounts", "is this extra 20% off at the register",
    "are there any freebies today", "free samples today?", "any specials at the deli", "meal deal?", "what's the deal of the day",
    "today's specials please", "happy hour at the cafe?", "any promos", "deals", "sales?", "discounts?", "coupons",
    "hi is there anything on sale for baby stuff", "u got any deals on diapers", "deals on laptops this weekend",
    "is there a sale on school supplies", "are pumpkins discounted after halloween", "cheap stuff, where are the bargains",
    "is the clearance extra off today", "do you have bundle deals on groceries", "mix and match deal on yogurt?",
    "10 for 10 sale still going?", "are the sodas 3 for 10", "is the tv cheaper on black friday",
    "does the sale include the store brand", "is there a discount if i open a store card", "new customer discount?",
    "do you send coupons by mail", "how do i get the coupon book", "email coupons, how to sign up",
]
V["promotions"] = [
    "is the laundry detergent part of the bogo", "what's discounted in the bakery today", "do you hand out rain checks when a sale item runs out",
    "any markdowns on patio furniture", "are there coupons in the app for baby formula", "is the ice cream sale still on",
    "do you offer a discount for college students", "what's in this week's circular", "is there a deal if i buy 3 pizzas",
    "does the 30% off apply to clearance", "my digital coupon didn't come off", "any specials on steak this weekend",
]

L["price_match"] = [
    "do you price match", "will you match walmart's price", "amazon has this 20 bucks cheaper, can you match",
    "target has it for less, match?", "can you match the price on my phone", "price match this tv please",
    "the store down the road sells this for 5 dollars less", "costco has the same thing cheaper, will you match it",
    "do you match online prices", "do you match amazon prices", "price match policy?", "price matching",
    "price match", "price mach", "can u price match", "pls match the price of best buy", "best buy has this on sale, match?",
    "do you match competitor ads", "i have the flyer from the other store, can you match it", "i have a screenshot of a lower price",
    "do you match your own website price", "it's cheaper on your website, can i get that price here", "online price is lower than the shelf",
    "your app says 39.99 but the shelf says 49.99, can you match the app", "i bought this last week and now it's on sale, can i get the difference",
    "price dropped after i bought it, price adjustment?", "can i get a price adjustment", "price adjustment within 14 days?",
    "i paid full price 3 days ago and now it's 30% off", "can i get refunded the difference since it went on sale",
    "will you match a black friday price from another store", "do you match prices during holidays", "do you match costco",
    "do you match aldi", "do you match grocery prices", "do you price match groceries or just electronics",
    "do you match marketplace sellers on amazon", "do you match ebay", "do you match prices from outlet stores",
    "do you beat competitor prices", "do you have a price beat guarantee", "lowest price guarantee?",
    "if i find it cheaper somewhere else do you give me the difference", "how do i get a price match",
    "what do i need to show for a price match", "does price match need a printed ad", "can i price match at self checkout",
    "price match at the register or customer service?", "how long after purchase can i price match",
    "can you match a price from a store in another city", "do you price match other locations of your store",
    "the other location has it cheaper, match?", "kroger has eggs at 2.99, can you match", "home depot sells this cheaper",
    "hey walmart sells this for way less, can u do that price", "can you do the same price as the store across the street",
    "walmart price please", "i saw it cheaper at target yesterday", "target is cheaper, why should i buy here",
    "do you honor competitor coupons as price match", "price match on clearance items?", "do you match sale prices",
    "can you match a price with a promo code", "price match on phones?", "price match on tvs", "i want the amazon price",
    "match the amazon price pls", "will you match a lower price i found online", "can you price match this laptop with newegg",
    "i found a better deal online, can you match it", "do you price match if the other store is out of stock",
    "price protection?", "do you have price protection after purchase", "30 day price protection?",
]
V["price_match"] = [
    "the hardware store on 5th has this drill cheaper, can you match", "does your store honor lower prices from online shops",
    "I bought a vacuum here and now it's 40 off, can I get the difference back", "match the price on this screenshot from best buy",
    "do you do price matching on toys", "is there a price adjustment if it goes on sale next week", "aldi's ad has milk cheaper, will you match",
    "your website is cheaper than the shelf, do you honor that", "do you match costco's price on tires", "price match for groceries too?",
    "can customer service match a target ad", "found it for less at walmart",
]

L["warranty_repair"] = [
    "I bought a kettle here last month and it's stopped heating, what are my options", "my tv from here has lines on the screen",
    "the laptop i got here won't boot anymore", "my headphones stopped working after 2 weeks", "blender i bought here smells like burning",
    "is my microwave still under warranty", "how long is the warranty on tvs", "what does the protection plan cover",
    "i bought the 2 year protection plan, how do i use it", "how do i make a warranty claim", "warranty claim for my vacuum",
    "my phone screen cracked, does my protection plan cover it", "accidental damage covered?", "does the warranty cover water damage",
    "my air fryer broke, is it covered", "the coffee maker leaks, can i get it fixed under warranty", "my speaker wont charge, warranty?",
    "the toaster only heats one side now", "fridge i bought here isnt cooling", "the washer you delivered is making a loud noise",
    "my printer keeps jamming, i bought it here in may", "game console i got here has a disc error", "the controller drifts, is that covered",
    "my watch battery died within a week", "my earbuds only work on one side", "charger i bought here doesn't charge anymore",
    "my robot vacuum stopped mapping, warranty?", "can you fix my laptop, i have the protection plan", "send my tv in for repair",
    "how long does a warranty repair take", "status of my repair", "is my laptop repair done", "repair status ticket 44120",
    "when will my repaired phone be back", "my blender is at the repair center, any update", "do i need the receipt for warranty",
    "no receipt but its still under warranty", "do you need the box for a warranty claim", "can i get a replacement instead of a repair",
    "it broke again after the repair", "the repair didn't fix it", "manufacturer warranty or store warranty, which one",
    "do i go to the manufacturer or to you", "is the extended warranty worth it", "can i add a protection plan after buying",
    "how do i cancel my protection plan", "does the protection plan transfer to a new owner", "what's not covered by the protection plan",
    "my kettle started leaking, bought here 6 months ago", "my hair dryer sparked", "vacuum lost suction after a month",
    "the fan makes a clicking noise, bought it here", "the drill battery wont hold charge", "space heater shuts off by itself, warranty",
    "my tablet screen has a dead spot", "the tv remote from the bundle doesnt work", "my monitor flickers",
    "my stand mixer motor died", "the electric toothbrush stopped holding a charge", "my e bike from here wont turn on",
    "warranty?", "warrenty on this tv?", "waranty question", "broken item warranty", "its broken, i bought it here",
    "hey this thing i bought is broke", "my stuff broke, what do", "defective product from your store, what now",
    "product is defective, can i get it repaired", "the item was defective out of the box", "dead on arrival, what do i do",
    "my new phone from here keeps restarting", "i got a lemon, the laptop crashes every day", "the microwave door broke off",
    "the handle on the pot i bought fell off", "the zipper on the suitcase i bought broke, warranty?",
    "lifetime warranty on the tools, how does it work", "my cast iron pan cracked, lifetime guarantee?",
    "do you repair things under warranty in store or send them away", "is there a loaner while my laptop is repaired",
]
V["warranty_repair"] = [
    "the vacuum I bought in march won't turn on anymore, is that covered", "my tv from here has a dead pixel",
    "the protection plan i bought, does it cover drops", "how long does the manufacturer warranty last on laptops",
    "the earbuds i got here keep disconnecting, can they be replaced", "any news on my laptop repair",
    "do i need my receipt to use the extended warranty", "my blender's blade stopped spinning after 3 months", "is battery failure covered by warranty",
    "the kettle from you guys is leaking from the bottom", "warranty claim status", "my gaming headset broke after a month, what are my options",
]

L["store_facilities"] = [
    "restroom?", "bathroom pls", "where's the bathroom, urgent", "toilets?", "where can i pee", "is there a restroom for customers",
    "do you have a family bathroom", "baby changing table?", "where can i change my baby's diaper", "is there a place to nurse my baby",
    "where's the atm", "is there a cash machine inside", "atm fee?", "where's the exit", "which way out",
    "how do i get out of here", "where is the elevator", "is there an escalator", "stairs to the second floor?",
    "wifi?", "wifi password", "is there free wifi", "how do i connect to the guest wifi",  
    "where can i charge my phone", "phone charging station?", "is there a place to sit down", "seating area?",
    "i need to sit, any benches", "where are the carts", "shopping carts?", 
    "do you have electric carts for disabled", "motorized scooter for shopping?", "wheelchair available?",
    "baskets where", "where do i return the cart", "cart corral?", "where is the customer service desk",
    "customer service desk location", "where's lost and found", "i lost my wallet, is there a lost and found",
    "where do i park", "is parking free", "how long can i park here", "is there disabled parking",
    "accessible parking spots?", "where's the parking garage", "do you validate parking", "ev chargers in the lot?",
    "is there a bike rack", "where can i lock my bike", "lockers for bags?", "where can i leave my bags",
    "fitting room?", "where are the changing rooms", "is there a water fountain", "drinking water?",
    "where can i get a drink of water", "is there a microwave to heat food", "vending machines?", "is there a cafe in here",
    "where can i eat my lunch", "first aid station?", "i cut my finger, is there first aid", "where's the pay phone",
    "is there a mailbox here", "where is the recycling bin for bottles", "bottle return machine", "where can i return cans",
    "where do i recycle plastic bags", "where's the side door", "which exit for the parking lot",
    "is there a back entrance", "where is the entrance to the garden center", "can i bring my dog inside",
    "are dogs allowed", "service dogs allowed?", "is this store wheelchair accessible", "is there a ramp",
    "hey where's the loo", "washroom?", "where's the mens room", "ladies room where", "bathroom code?",
    "the bathroom is locked, is there a code", "hi, sorry, where are the toilets please",
    "plz where is toilet", "wc?", "lavatory", "where can i wash my hands", "hand sanitizer station?",
    "is there air for my tires", "air pump for tires?", "where do i get a cart for my kid, the car one",
    "can i leave my stroller somewhere", "where's the smoking area", "can i smoke outside the door",
]
V["store_facilities"] = [
    "excuse me is there a bathroom i can use", "does this store have a changing station for babies", "guest wifi network name?",
    "where can i plug in my phone for a minute", "which door goes to the parking lot", "are there scooters for people who can't walk far",
    "where is the cart return", "is there somewhere to sit, my feet hurt", "do you have a cash point inside",
    "where's the lift", "are pets allowed in the store", "lost my keys, where's lost property",
]

L["store_services"] = [
    "do you cut keys", "can i get a key copied here", "key copy for my car?", "do you do passport photos",
    "passport photo how much time", "can i print photos from my phone", "photo printing from instagram?", "do you print canvas",
    "can i get a flu shot today", "do i need an appointment for the flu shot", "covid booster walk in?", "shingles vaccine here?",
    "can you transfer my prescription from another pharmacy", "can i refill my prescription here", "prescription refill please",
    "can the pharmacist check my blood pressure", "is there a blood pressure machine", "do you do gift wrapping",
    "can you wrap this for me", "gift wrap service?", "do you install tvs", "can someone mount my tv",
    "do you assemble furniture", "bike assembly?", "can you put the grill together for me", "do you fix phone screens",
    "cracked screen repair, do you do that", "do you replace watch batteries", "watch battery change?",
    "do you sharpen knives", "do you mix paint", "can you match this paint color", "do you engrave", "engraving on a bracelet?",
    "do you sell money orders", "can i pay my electric bill here", "bill pay at the service desk?", "western union here?",
    "can i send money from here", "do you have a notary", "notary service?", "can i fax something", "do you have a copy machine",
    "can i print documents here", "print my boarding pass?", "do you develop film", "disposable camera developing",
    "do you make custom cakes", "can i order a birthday cake", "order a cake with a photo on it", "party platters for 20 people?",
    "can i order a deli tray", "do you cater", "do you recycle old electronics", "where can i drop off old batteries for recycling, do you take them",
    "do you take old phones for trade in", "trade in my old tablet?", "can you set up my new laptop", "tech support for my new phone?",
    "can you activate my phone", "do you install car batteries", "do you put on tires", "oil change here?",
    "eye exam?", "do you have an optometrist", "can i get a hearing test", "do you do alterations", "can you hem pants",
    "shoe repair?", "pet grooming?", "do you do dog grooming", "can you cut keys for a mailbox", "can i get a copy of a fob",
    "propane tank refill", "propane exchange?", "do you fill helium balloons", "can i get balloons filled",
    "do you rent carpet cleaners", "rug doctor rental?", "truck rental?", "do you rent tools", "can i rent a moving dolly",
    "photo restoration, can you fix an old picture", "do you make id cards", "can i get fingerprints done", "do you have a photo booth",
    "do you cut wood to size", "can you cut this pipe for me", "do you cut glass", "do you thread pipes",
    "do you give vaccines for kids", "can i get travel vaccines here", "can the pharmacist give me advice on otc meds",
    "medication review with the pharmacist?",
    "hi, do you have someone who can set up my smart tv", "do you fix laptops even if i didnt buy it here", "repair service for any brand?",
    "do u guys do key cuttin", "key cutting price", "keys cut pls", "can i make copies of my house key",
]
V["store_services"] = [
    "can I get my glasses fixed here", "do you print photos same day", "do you offer tire rotation", "can the bakery write a name on a cake",
    "is there a notary on saturdays", "can you cut me 2 copies of this key", "do you take old tvs for recycling",
    "can you put together a bookshelf i buy here", "do you do phone unlocking", "can the pharmacy give a tetanus shot",
    "do you rent out party tables", "can you laminate a document",
]

L["delivery_options"] = [
    "do you deliver", "can you deliver to my house", "home delivery?", "do you do same day delivery",
    "can i get groceries delivered", "delivery fee?", "how much is delivery", "is delivery free over 35", "minimum for free delivery",
    "do you deliver on sundays", "how late do you deliver", "delivery windows for tomorrow?", "can i pick a delivery time",
    "where's my delivery", "track my delivery", "my delivery is late", "the driver never came", "delivery said delivered but nothing here",
    "tracking number doesnt work", "when will my package arrive", "my online order hasn't shipped yet", "how long does shipping take",
    "do you ship to alaska", "do you ship internationally", "can you ship to canada", "do you deliver to po boxes",
    "can you deliver a fridge", "do you deliver furniture", "big item delivery and haul away?", "do you take away the old washer when you deliver the new one",
    "can you deliver to my office", "do you deliver to apartments", "do you deliver to my zip code 80211", "how far do you deliver",
    "can i change my delivery address", "change delivery date", "reschedule my delivery", "cancel my delivery",
    "can the driver leave it at the door", "delivery instructions, how do i add them", "can i tip the driver", "who delivers for you, instacart?",
    "do you use doordash", "uber eats for groceries from here?", "can i get delivery through the app", "express delivery?",
    "2 hour delivery?", "next day delivery available?", "can you ship this to my mom in texas", "ship to a different address than billing",
    "shipping cost for a tv", "how much to ship a package", "free shipping?", "do you have free shipping on online orders",
    "my delivery order 51120 where is it", "order SM-600321 delivery status", "tracking for #77301", "delivery for order 23310 hasnt come",
    "is my delivery on the way", "the delivery guy left it at the wrong house",
    "can i get my prescription delivered", "do you deliver alcohol", "do you deliver on holidays", "delivery on christmas eve?",
    "hey do yall deliver", "u guys deliver??", "deliverry?", "delivry to my house pls", "hi! can you bring stuff to my home",
    "i can't drive, can you send my groceries", "i'm disabled, can groceries be delivered", "do you deliver to seniors for free",
    "scheduled delivery every week?", "subscription delivery for diapers", "auto delivery for pet food",
    "how do i sign up for delivery", "delivery pass?", "unlimited delivery membership", "how much is the delivery subscription",
    "can you deliver today", "deliver tonight?", "deliver in an hour?", "delivery time estimate",
    "can i buy it here and have it delivered", "i bought a couch in store, can you deliver it", "do you deliver what i buy in store",
]
V["delivery_options"] = [
    "any chance you bring groceries to the house on weekends", "what's the charge for delivering a mattress", "my package says out for delivery since yesterday",
    "can you ship to puerto rico", "is there delivery to the east side of town", "where is my delivery for order 47730",
    "can the delivery be left with my neighbour", "do you haul away the old fridge", "how many days does standard shipping take",
    "can i have this tv delivered tomorrow", "the courier dropped my order at the wrong address", "does the delivery membership include alcohol",
]

L["complaint"] = [
    "the cashier was so rude to me", "worst service ever", "I waited 30 minutes at the checkout, this is ridiculous",
    "why is there only one till open", "the lines are insane", "the bathrooms are disgusting", "the store is filthy",
    "there's spilled milk in aisle 4 and nobody cleaned it", "the floor is wet and i almost slipped", "i got charged twice",
    "the register overcharged me", "you charged me the wrong price", "the sale price didnt ring up and the cashier didnt care",
    "the chicken i bought was expired", "the milk was already sour when i opened it", "moldy bread from your bakery",
    "the produce is always rotten here", "found a bug in my salad", "the meat smelled bad",
    "i want to complain", "i want to file a complaint", "complaint about an employee", "how do i complain about the manager",
    "the manager was rude", "security followed me around the store, i felt profiled", "i was treated like a thief",
    "the staff ignored me", "nobody helps in this store", "no one was at the service desk for 20 minutes",
    "the self checkout is broken again", "the card machine never works", "your app is terrible", "the kiosk is useless",
    "the parking lot is full of potholes", "the carts are all dirty", "the music is way too loud", "its freezing in here",
    "the shelves are always empty", "you're always out of everything", "why are the prices so high now",
    "i'm really disappointed with this store", "this store has gone downhill", "never shopping here again",
    "the pharmacy lost my prescription", "pharmacy line took an hour", "the deli guy was rude",
    "the delivery driver was rude to me", "the pickup order was missing half my stuff and nobody cared",
    "i was lied to about the warranty", "the employee gave me wrong information", "the price tag was wrong and they wouldnt honor it",
    "your staff is unprofessional", "the employees were on their phones the whole time", "the guard yelled at my kid",
    "someone was smoking at the entrance", "there's a fire exit blocked with boxes", "broken glass in the parking lot nobody cleaned",
    "the automatic door almost hit my mom", "i tripped over a box in the aisle", "the air conditioning is broken, its so hot",
    "this is unacceptable", "terrible experience", "awful", "so annoyed right now", "bad service",
    "wtf is wrong with your checkout lines", "ur staff sucks", "this place is a joke", "worst store in town",
    "i was overcharged on my receipt, look at this", "i was charged for a bag i didnt get", "you charged tax on food",
    "hi, i'd like to leave feedback about a bad experience", "where do i send a complaint", "corporate complaint number?",
    "who do i complain to about the store manager", "i want to report an employee", "the cashier made a racist comment",
    "a worker was rude to my elderly father", "the associate rolled her eyes at me", "the pharmacist was condescending",
    "i've been waiting forever and nobody is coming", "i pressed call for help 10 minutes ago, still nobody",
    "the sale sign was misleading", "false advertising on the shelf tag", "the egg cartons all have broken eggs",
]
V["complaint"] = [
    "the guy at the deli counter was really rude just now", "only 2 lanes open on a saturday, seriously",
    "your bathroom hasn't been cleaned in days", "the yogurt I bought yesterday was already expired", "i got charged for 3 items when i bought 2",
    "the security guard accused me of stealing", "this store is always a mess", "your staff are never around when you need them",
    "the floor by the freezers is soaking wet", "i want to make a formal complaint", "so frustrated, the self checkout keeps freezing", "the cashier shortchanged me",
]

L["human_agent"] = [
    "can i talk to a real person", "i want a human", "human please", "person", "get me an employee",
    "can someone come help me", "i need help from a worker", "send someone to aisle 12", "can an associate come to electronics",
    "i need someone to unlock the case with the razors", "the phones are locked up, can someone open it", "someone to open the glass case please",
    "can someone help me carry a tv to my car", "i need help loading a heavy box", "need a hand lifting the water softener salt",
    "can somebody reach the top shelf for me", "i can't reach the thing on the top shelf", "help reaching something high up",
    "get me the manager", "i want to speak to the manager", "manager please", "where's the manager, i need to talk to them",
    "is there a supervisor", "can i talk to the store manager about an order", "call a manager to the front",
    "page someone from the pharmacy", "can you page the deli", "page someone in paint", "i need someone from the garden center",
    "talk to a pharmacist", "can i speak with the pharmacist", "need an expert in electronics to explain tvs to me",
    "is there someone who knows about laptops", "can a staff member explain the difference between these two drills",
    "stop, i want a person", "agent", "representative", "live agent", "customer service rep please",
    "this bot is not helping, get me a person", "you dont understand, i need a human", "useless robot, real person pls",
    "just send someone over", "can anyone help me", "is anyone working here", "hello? anyone? i need help",
    "help", "help me please", "i need assistance", "assistance please", "i need somebody",
    "can i call the store and talk to someone", "what's the number to call a person", "phone number for customer service",
    "i need help with my elderly mother, can someone come", "my kid is lost, please get an employee", "lost child, need staff now",
    "someone dropped a jar, can you send a worker", "can someone clean up a spill in aisle 3", "there's a spill, send somebody",
    "i need someone to help me find a gift, talk to a person", "can a worker bring a wheelchair to the front",
    "i need help with the self checkout, it's stuck", "self checkout needs an attendant", "need an override at self checkout",
    "age check at self checkout, need a staff member", "the register needs an employee", "i need a cashier",
    "can someone open another register", "can you call someone to the fitting rooms", "key holder for the locked cabinet",
    "i want to talk to someone about a special order", "speak to someone in the pharmacy please", "connect me to a team member",
    "hey can u get a worker", "employee plz", "worker?", "staff?", "is there a human", "real person",
    "i'd rather talk to a person", "i prefer speaking to someone", "let me talk to somebody who works here",
    "could you get an associate to come to aisle 5", "i need a person to check the price, the scanner is broken",
    "can somebody help me get a mattress down", "assistance needed in the tv department", "request help",
    "call staff", "call for help", "i need a sales associate", "where can i find an employee", "where are all the workers",
]
V["human_agent"] = [
    "could you send someone to help me with the big flat screen", "i'd like to speak to a supervisor please", "need staff at self checkout 4",
    "pls get somebody to open the locked case with the perfume", "i need a person, not a machine", "somebody help lift a bag of dog food please",
    "call the store manager over", "can a worker reach the top shelf in aisle 9", "is there an associate in hardware",
    "customer service agent please", "i want a live person", "can someone come to electronics",
]

L["greeting"] = [
    "hi", "hello there", "hey!", "hiya", "good morning!", "good afternoon", "evening", "yo", "sup",
    "hello kiosk", "hi there :)", "hey how are you", "how are you doing today", "how's your day going",
    "hello? is this working", "is anyone there", "testing", "hi robot", "hey storemind",
    "thanks!", "thank you so much", "thx", "ty", "thank u", "thanks a bunch", "thank you, very helpful",
    "cool thanks", "ok great thanks", "perfect, thanks!", "awesome, appreciate it", "you're the best",
    "that's all i needed", "that's it, thanks", "nothing else, thanks", "all good now", "i'm good thanks",
    "bye!", "goodbye", "see ya", "bye bye", "have a good one", "have a nice day", "take care", "later!",
    "ok bye", "thanks bye", "cya", "gotta go", "good night", "see you next time",
    "nice", "ok", "okay", "cool", "got it", "great", "alright", "sounds good", "perfect",
    "hello, good morning", "hi hi", "heyyy", "helloooo", "hii", "hey hey", "morning!",
    "gracias", "merci", "danke", "thank you kindly", "much obliged", "cheers mate", "ta",
    "good evening, kiosk", "hi, nice to meet you", "hey there buddy", "wassup", "howdy partner",
    "thanks for your help today", "you helped a lot", "that was quick, thanks", "great help, thank you",
    "never mind, thanks", "nvm", "forget it, thanks", "no thanks", "no that's all",
    "hello! first time using this", "hi, just trying this out", "oh hi", "um hello", "hey again",
]
V["greeting"] = [
    "hey there, good morning", "thank you very much, have a good day", "ok that's everything, bye", "hello hello",
    "thanks a ton", "goodbye and thanks", "hey, just saying hi", "evening all", "thnx", "great, cheers",
    "alright thank you", "hi friend",
]

L["out_of_scope"] = [
    # general knowledge / trivia
    "who painted the mona lisa", "how many ounces in a cup", "what's the capital of australia", "when did the titanic sink",
    "how far is mars from earth", "who wrote romeo and juliet", "what's the biggest animal in the world", "how do airplanes fly",
    "why do cats purr", "what's the tallest building in the world", "who was the first man on the moon", "how many bones in the human body",
    "what language do they speak in brazil", "how old is the universe", "is a tomato a fruit or a vegetable", "what's the boiling point of water in fahrenheit",
    "how many states are in the us", "what does dna stand for", "who discovered penicillin", "what's the longest river",
    "hey quick question, how many teaspoons in a tablespoon", "what year did the berlin wall fall", "why is the ocean salty",
    "how does a microwave actually work, like the science", "what's the difference between a virus and bacteria",
    # math / homework / writing
    "what's 15% of 80", "if i have 3 apples and eat one how many are left lol", "whats 12 x 14", "solve 2x + 5 = 17",
    "help my kid with fractions homework", "can you write a cover letter for me", "write a birthday poem for my wife",
    "proofread my email", "summarize this article for me", "what rhymes with orange", "spell necessary",
    "what's the definition of ubiquitous", "translate 'where is the bathroom' into japanese", "how do you say thank you in korean",
    "convert 30 celsius to fahrenheit", "how many cups is 500 ml", "what's the square root of 144",
    # chit-chat with the machine
    "are you a real person", "do you dream", "what's your name", "do you like your job", "are you single",
    "tell me something interesting", "i'm bored, talk to me", "can we be friends", "what do you think about humans",
    "do you get tired standing here all day lol", "are you going to take over the world", "what's your favorite food",
    "can you dance", "sing happy birthday", "tell me a riddle", "knock knock", "tell me a dad joke", "say something funny please",
    "roast me", "what's the funniest thing you know", "do you believe in god", "what happens after we die",
    "do you know siri", "are you better than alexa", "is chatgpt your cousin", "who's your daddy",
    "rate me 1 to 10", "am i pretty", "do i look fat in this", "you're cute", "marry me",
    # personal advice
    "my girlfriend is mad at me, what do i do", "should i quit my job", "how do i tell my boss i'm pregnant",
    "should i move to another city", "how do i stop procrastinating", "i feel lonely", "how do i make friends as an adult",
    "what should i get my husband for our anniversary, he has everything", "is it ok to ghost someone",
    "how do i ask for a raise", "should i go back to school", "how to deal with a toxic coworker", "how do i get my kids to sleep",
    "what should i do with my life", "how do i get over a breakup", "how can i be more confident",
    # medical / legal / financial advice
    "can i take ibuprofen with my blood pressure meds", "how much melatonin is safe for a 5 year old", "is this mole cancer",
    "my chest hurts when i breathe, what is it", "should i go to the er for a sprained ankle", "what antibiotic do i need for a uti",
    "can i drink alcohol on antibiotics", "how many tylenol can i take in a day", "is it safe to take two allergy pills at once",
    "should i get the covid vaccine if im pregnant", "how do i know if i have diabetes", "my baby has a fever of 102, what do i do",
    "what's the best treatment for depression", "how do i get rid of a hangover fast", "is my rash contagious",
    "can my landlord evict me without notice", "how do i write a will", "should i plead guilty to a speeding ticket",
    "how do i sue my employer", "is it legal to own a ferret in california", "how do i get custody of my kids",
    "should i pay off my credit card or invest", "is now a good time to buy a house", "what's the best credit card for travel",
    "how do i improve my credit score", "is gold a good investment", "how much should i have in savings",
    "should i buy tesla stock", "how do i do my taxes myself", "what's a roth ira",
    # tasks for other businesses / places
    "what time does the post office close", "is the dmv open on saturday", "where's the nearest gas station", "nearest hospital?",
    "how do i get to the highway from here", "directions to the mall", "what bus goes downtown", "when's the next train to the city",
    "call me a cab", "get me an uber to the airport", "book a table for 2 at an italian restaurant", "order chinese food for delivery",
    "what time does the bank across the street open", "does the pharmacy across the street have flu shots", "what are the library hours",
    "is mcdonalds open 24 hours", "where's the closest starbucks", "best sushi place around here", "what movies are playing tonight",
    "buy me concert tickets", "book a hotel near the beach", "find me a cheap flight to vegas", "rent me a car for the weekend",
    "is the car wash down the street open", "how much is a haircut at the salon next door", "where can i get my nails done",
    "what's the number for the police non emergency line", "how do i renew my passport", "where do i vote",
    "does walmart have the ps5 in stock", "what time does target close tonight", "is costco open on sunday", "what's on sale at kroger this week",
    "how much is milk at aldi", "does the target across town price match", "is best buy open on christmas",
    # the company / store questions a kiosk can't answer
    "how much do cashiers make here", "what's the starting pay for stockers", "how much does the store manager earn",
    "how many stores does this company have", "who owns this company", "what was the company revenue last year",
    "is the company going bankrupt", "are they closing this location", "why did the ceo resign", "how much is the ceo paid",
    "what's the stock price of this company", "who is the district manager and where do they live", "what's the manager's cell number",
    "what time does the cash get picked up", "when does the armored truck come", "how much cash is in the registers",
    "what's the alarm code", "what's the employee wifi password", "give me the employee discount", "what's the door code for the stockroom",
    "how do i turn off the security tag alarm", "how do i get the anti theft tag off at home", "where are the security cameras",
    "do the cameras work in the parking lot at night", "which exit has no alarm", "how do i get around the self checkout weight sensor",
    "how do people steal from here", "what time does the night guard leave", "how many employees called in sick today",
    "is the manager dating the cashier", "which employee got fired", "why was my friend fired from here",
    # phone assistant / device commands
    "set a reminder for 5pm", "wake me up at 6", "play despacito", "turn up the volume", "call 911", "text my husband im on my way",
    "what's on my calendar today", "send an email to my boss", "take a picture of me", "open youtube", "show me cat videos",
    "turn on the lights", "what's my horoscope", "what's the news today", "who won the super bowl", "score of the lakers game",
    "what's the weather tomorrow in houston", "will it rain this weekend", "is it going to be hot today", "what's the uv index",
    # misc: recipes, hobbies, cars, pets (not store questions)
    "how do i make banana bread", "recipe for chicken curry", "how long do i boil an egg", "what can i cook with chicken and rice",
    "how do i fix a leaky faucet", "how do i change my car's oil myself", "why is my check engine light on",
    "how often should i feed my goldfish", "why is my dog eating grass", "how do i train my puppy to sit",
    "how do i grow tomatoes", "when should i plant tulips", "how do i get red wine out of carpet", "how do i unclog a drain without chemicals",
    "what's a good book to read", "recommend a tv show", "best netflix series right now", "what video game should i play",
    "how do i knit a scarf", "how do i learn guitar", "teach me spanish", "how do i start a youtube channel",
    # rude or nonsense that isn't a store question
    "asdfghjkl", "blah blah", "banana phone", "you suck at math", "is the earth flat",
    "what's the password to my facebook", "hack into my ex's email", "find out who lives at 12 oak street", "give me someone's phone number",
    "how do i make a fake id", "where can i buy drugs", "how do i cheat on my test", "how to pick a lock",
    # chatty lines that sound store-ish but aren't this store's business
    "hi, do you know a good mechanic nearby", "hey, is the bank next door still doing mortgages", "excuse me, what's the zip code here",
    "what's the speed limit on this road", "sorry, which way is the train station", "do you know if the pharmacy at the hospital is open",
    "hello, is it going to snow tonight, i need to know before driving home", "what time is sunset today",
    "my phone provider is terrible, which carrier should i switch to",
    "can you recommend a good dentist", "where's a good place to get a tattoo", "do you know a good babysitter",
    "what's the best school district around here", "is this neighborhood safe", "how much are houses going for in this area",
    "who's playing at the stadium tonight", "what's the population of this town", "when is the next full moon",
    "how do i apply for unemployment", "how do i get food stamps, the application", "where's the social security office",
    "what's the minimum wage in this state", "how do i report my neighbor for noise", "can you call my insurance company",
    "i need a lawyer", "i need a plumber", "can you recommend a vet", "find me a job", "where can i adopt a cat",
]
V["out_of_scope"] = [
    "what's the tallest mountain in africa", "who invented the telephone", "how many feet in a mile", "what's 7 times 8",
    "write me a short story about a dragon", "translate good morning into italian", "are you conscious", "tell me a pun",
    "do you have a girlfriend", "what's your favorite movie", "my son won't eat vegetables, any tips", "should i marry my boyfriend",
    "can i take aspirin if im on blood thinners", "is it safe to fly when pregnant", "my knee is swollen, what's wrong with it",
    "can my employer fire me for being sick", "how do i dispute a parking ticket", "should i invest in index funds",
    "what's the interest rate on a mortgage right now", "what time does the city pool open", "is the hardware store down the road open sunday",
    "where is the nearest urgent care", "get me a ride home", "book me a dentist appointment", "order a pizza to my house",
    "how much does walmart charge for tires", "what's the weekly ad at safeway", "does home depot have ladders in stock",
    "how much do pharmacists make at this store", "who is the owner of this chain", "how much profit does this store make",
    "when do you move the money to the bank", "what's the code for the employee bathroom", "how do i take off an ink tag",
    "which cameras are broken", "play some jazz", "set a timer for 10 minutes", "call my sister", "what's trending on twitter",
    "how do i bake sourdough from scratch", "how do i replace a car headlight", "why does my cat sneeze so much",
    "best way to learn to code", "recommend a podcast", "qwertyuiop", "you're dumb", "is the moon landing fake",
    "find my ex's new address", "where can i buy a gun illegally", "what's the weather in orlando next week",
    "will it be windy tomorrow", "how do i get to the freeway", "where's the nearest library", "is the bus running today",
    "what's a good name for my dog", "hey, what year is it", "how do i get a marriage license", "can you do my taxes",
    "what's the difference between a crocodile and an alligator", "how many calories does a person burn walking a mile",
    "what's the best diet to lose belly fat", "is coffee bad for you", "do you think it will rain on my wedding day",
    "explain bitcoin to me", "how do black holes work", "who's going to win the world cup", "what's the speed of sound",
    "i'm sad today", "can you keep me company", "what's your opinion on the president", "which party should i join",
    "how much does the assistant manager make", "is this store unionized, how do i start a union", "what are the employee schedules this week",
    "what's the phone number of the pizza place next door", "is the gym across the street open 24 hours", "how much is a bus ticket to boston",
]

# ---------------------------------------------------------------------------
# Light variation: how the same question arrives at a kiosk on another day
# ---------------------------------------------------------------------------

GREETINGS = ["hi, ", "hey ", "hello, ", "excuse me, ", "sorry to bother you, ", "hi there! ", "good morning, ",
             "um ", "ok so ", "quick q: ", "hello kiosk, ", "Hi! ", "yo ", "hey so ", "pardon me, ", "hiya, ",
             "good afternoon. ", "sorry, ", "hello? ", "question - "]
SIGNOFFS = [" thanks", " pls", " please", " thank you", "??", " ty", " thx!", " asap", " :)", "...", " !!",
            " thanks in advance", " cheers", " plz help"]
# Misspellings shoppers really make (whole words), used for one word per varied line at most.
MISSPELL = {
    "where": ["wher", "were", "whr", "whre"], "receipt": ["reciept", "receit"], "you": ["u", "yu"], "are": ["r"],
    "please": ["plz", "pls", "pleas"], "thanks": ["thx", "thanx"], "have": ["hav", "haev"], "your": ["ur", "yor"],
    "what": ["wat", "waht"], "which": ["wich", "whihc"], "available": ["availible", "avaliable"],
    "warranty": ["waranty", "warrantee"], "delivery": ["delivary", "delievery"], "tomorrow": ["tmrw", "tommorow", "tomorow"],
    "aisle": ["isle", "aile"], "price": ["prise", "pirce"], "pharmacy": ["pharmacie", "farmacy", "pharmcy"],
    "batteries": ["batterys", "baterries"], "groceries": ["grocerys"], "restroom": ["restrom", "resroom"],
    "exchange": ["exchage", "exhange"], "refund": ["refun", "refund"], "coupon": ["coupen", "cupon"],
    "schedule": ["schedual"], "definitely": ["definately"], "something": ["somethin", "smth"],
    "bathroom": ["bathrom", "bahtroom"], "manager": ["manger", "manaegr"], "gift": ["gfit"], "points": ["pionts"],
    "return": ["retrun", "reutrn"], "store": ["stor", "sotre"], "open": ["opne"], "close": ["clsoe"],
    "because": ["bc", "cuz"], "know": ["kno"], "does": ["dose"], "money": ["mony"], "order": ["oder", "ordr"],
}


def misspell(rng, text):
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if w.lower().strip("?,.!") in MISSPELL]
    if not idx:
        return text
    i = rng.choice(idx)
    core = words[i].lower().strip("?,.!")
    words[i] = words[i].lower().replace(core, rng.choice(MISSPELL[core]), 1)
    return " ".join(words)


def vary(rng, intent, text):
    r = rng.random()
    if len(text.split()) > 1 or intent == "out_of_scope":
        if r < 0.45:
            text = rng.choice(GREETINGS) + text
    if rng.random() < 0.25 and not text.endswith("?"):
        text += rng.choice(SIGNOFFS)
    r = rng.random()
    if r < 0.25:
        text = text[0].upper() + text[1:]
    elif r < 0.50:
        text = re.sub(r"[?!.,']", "", text.lower())
    elif r < 0.54:
        text = text.upper()
    if rng.random() < 0.45:
        text = misspell(rng, text)
    return re.sub(r"\s+", " ", text).strip()


def excluded():
    if not os.path.exists(EXCLUDE):
        return set()
    with open(EXCLUDE, encoding="utf-8") as f:
        return set(f.read().split())


def fill(rng, line):
    return line.replace("{p}", rng.choice(NAT_PRODUCTS)) if "{p}" in line else line


TARGETS = {k: 130 for k in L}
TARGETS["out_of_scope"] = 420


def main():
    assert set(L) == set(V), "every intent needs training and validation lines"
    rng = random.Random(SEED)
    skip = excluded()
    # Validation first: its lines are reserved, so no training line repeats one (normalised).
    val = []
    val_keys = set()
    for intent in V:
        for t in V[intent]:
            k = norm(t)
            assert "{p}" not in t and k not in val_keys, f"duplicate validation line: {t}"
            if digest(t) in skip:
                continue
            val_keys.add(k)
            val.append({"text": t, "intent": intent})
    # dev.jsonl (the other validation file) is reserved the same way.
    with open(os.path.join(HERE, "..", "..", "heads", "kiosk-intent", "dev.jsonl"), encoding="utf-8") as f:
        dev_keys = {norm(json.loads(l)["text"]) for l in f if l.strip()}
    seen = val_keys | dev_keys
    rows = []
    for intent in L:
        got = 0
        for t in L[intent]:  # every literal once, as written
            text = fill(rng, t)
            if norm(text) in seen or digest(text) in skip:
                continue
            seen.add(norm(text))
            rows.append({"text": text, "intent": intent})
            got += 1
        tries = 0
        while got < TARGETS[intent] and tries < 50 * TARGETS[intent]:
            tries += 1
            text = vary(rng, intent, fill(rng, rng.choice(L[intent])))
            if not text or norm(text) in seen or digest(text) in skip:
                continue
            seen.add(norm(text))
            rows.append({"text": text, "intent": intent})
            got += 1
    rng.shuffle(rows)
    for path, data in ((OUT, rows), (OUT_VAL, val)):
        with open(path, "w", encoding="utf-8") as f:
            for r in data:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {}
    for r in rows:
        counts[r["intent"]] = counts.get(r["intent"], 0) + 1
    literal = {k: len(v) for k, v in L.items()}
    vcounts = {}
    for r in val:
        vcounts[r["intent"]] = vcounts.get(r["intent"], 0) + 1
    for k in L:
        print(f"{k:18s} literal {literal[k]:4d}  natural {counts.get(k, 0):4d}  val {vcounts.get(k, 0):3d}")
    print(f"total natural {len(rows)}, val {len(val)}")


if __name__ == "__main__":
    main()
