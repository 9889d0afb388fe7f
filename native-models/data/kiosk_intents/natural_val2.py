#!/usr/bin/env python3
"""Second hand-written validation set for the StoreMind kiosk intent classifier.

Writes ``natural_val2.jsonl`` next to this file: 360 lines ``{"text", "intent"}``,
exactly 15 per in-scope intent (19 intents) and 75 ``out_of_scope``.

Every line below is a literal sentence written by hand for this file, the way
shoppers type at a touch-screen kiosk: one-word questions to long
context-first sentences, hand-written typos in roughly one line in six,
polite, casual and rude tones, US/UK/Australian/Indian/Canadian English, and
products across grocery, pharmacy, household, hardware, electronics,
clothing, pets, baby and garden. Labels follow the boundary rules in
README.md.

This set was written independently of every other data file in this folder
and of ``../../heads/kiosk-intent/dev.jsonl``: none of them was opened while
writing it. It is for choosing training options (recipes, thresholds,
features) and must never be trained on.

To keep it disjoint from the other files without anyone reading them, the
script loads train.jsonl, natural.jsonl, natural_more.jsonl,
natural_val.jsonl, test.jsonl and ../../heads/kiosk-intent/dev.jsonl,
normalises every line (lowercase, punctuation removed or turned into spaces,
whitespace collapsed) and leaves out any of the lines below that collide with
one of them (or with an earlier line of this set). Only counts are printed,
never text. Each intent has a short list of hand-written reserve lines, taken
in order to keep the counts at 15/75; reserves are checked the same way.

No randomness: the same inputs always give the same output.

Usage:
    /usr/bin/python3 natural_val2.py            # write natural_val2.jsonl
    /usr/bin/python3 natural_val2.py --check    # verify the written file
"""

import json
import os
import re
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "natural_val2.jsonl")

OTHER_FILES = [
    "train.jsonl",
    "natural.jsonl",
    "natural_more.jsonl",
    "natural_val.jsonl",
    "test.jsonl",
    os.path.join("..", "..", "heads", "kiosk-intent", "dev.jsonl"),
]

PER_INTENT = 15
OUT_OF_SCOPE = 75

INTENTS = [
    "find_product", "check_stock", "check_price", "store_hours",
    "return_policy", "refund_status", "order_pickup", "payment_methods",
    "gift_card", "loyalty_program", "promotions", "price_match",
    "warranty_repair", "store_facilities", "store_services",
    "delivery_options", "complaint", "human_agent", "greeting",
    "out_of_scope",
]

# intent -> (main lines, reserve lines). Reserves are only used to replace
# main lines that collide with another data file.
LINES = {
    "find_product": ([
        "where is the oat milk",
        "wheres the cat litter?",
        "Excuse me, which aisle has the extension cords?",
        "I'm looking for baby wipes, the sensitive ones without fragrance",
        "light bulbs?",
        "where do u keep the nappies",
        "My wife sent me in for tahini and I honestly have no idea what section that would even be in",
        "Where can I find hose conectors for the garden please",
        "wich aisle is the dog food in",
        "where's the chemist counter",
        "looking for AAA batteries, where are they",
        "Where would HDMI cables be? I've walked round electronics twice",
        "kids wellies where??",
        "Could you kindly point me to the bird seed",
        "tile grout",
    ], [
        "where r the paint rollers",
        "which section is the gluten free pasta in",
        "where do you keep phone chargers",
        "Hi, where are the ladies' socks?",
        "fly spray aisle?",
        "in which row are the toques and mittens",
    ]),
    "check_stock": ([
        "do you have oat milk in stock",
        "Are the size 4 nappies sold out again?",
        "do you cary bone broth for dogs",
        "when are you getting more PS5 controllers in",
        "Do you sell replacement filters for a Dyson V8?",
        "any left of the big 50L bags of potting mix",
        "is the convertable toddler car seat in stock at this location",
        "do u guys have lactose free yoghurt",
        "The app says the cordless drill is out of stock, any idea if it'll be back this week?",
        "do you stock gluten-free sourdough",
        "blue rain jacket size M, got any?",
        "the shelf for the melatonin gummies is empty, do you have more in the back",
        "restock date for the hypoallergenic formula",
        "do yuo sell fishing line",
        "Hi there, do you have cat flaps or would I have to order one online?",
    ], [
        "got any 9 volt batteries",
        "is the air fryer available today",
        "do you carry size 12 wide work boots",
        "are the tomato plants back in yet",
        "do you have childrens paracetamol liquid",
        "any stock of the 2m copper pipe",
    ]),
    "check_price": ([
        "how much is the naproxen",
        "price of a 5 litre tin of white emulsion?",
        "This shampoo has no price tag on it, what does it cost",
        "how much for the wireless earbuds next to the till",
        "whats the price on the large bag of kibble",
        "How much are the stair gates?",
        "how much dose a bag of ice cost",
        "pirce of the rotisserie chicken",
        "what do these gardening gloves cost",
        "Can you scan the price for this toaster please, there's no label anywhere",
        "how much r the phone cases",
        "cost of a 10 pack of AA",
        "before I drag this extension ladder all the way to the front I need to know how much it is",
        "hw much is a dozen free range eggs",
        "How much is the men's fleece in grey?",
    ], [
        "what's the price per kilo on the bananas",
        "how much are the hanging baskets",
        "price check on the hoodie",
        "how much is the flea treatment for big dogs",
        "how much does the 65 inch tv cost",
        "what's this rug going for",
    ]),
    "store_hours": ([
        "what time do you close tonight",
        "opening hours sunday?",
        "Are you open on Christmas Eve, and until when?",
        "when does the pharmacy open tomorrow",
        "hours?",
        "Do you open early on Boxing Day?",
        "what time does the garden centre shut",
        "are u open 24 hours",
        "When does the deli counter stop serving hot food?",
        "open on labor day?",
        "what tiem do you open on saturdays",
        "I finish work at 9, how late is this place open on weekdasy",
        "bakery hours",
        "Is the store open on Thanksgiving this year",
        "what are ur houres on public holidays",
    ], [
        "closing time?",
        "when does the photo lab open",
        "how early do you open monday",
        "is the auto centre open on sundays",
        "what time do you close on new year's eve",
    ]),
    "return_policy": ([
        "can i return shoes i've worn once",
        "what's the return policy on electronics",
        "Lost my receipt, can I still exchange this jumper for a bigger size?",
        "how many days do i have to return a matress",
        "returns?",
        "can I bring back an opened bag of dog food if my dog won't eat it",
        "Do I need the orignal box to return a blender?",
        "exchange a present without a gift receipt",
        "can i retrun online orders in store",
        "is there a restocking fee on returned power tools",
        "bought the wrong size nappies, can I swap them",
        "What's the time limit for returning clothes bought on sale?",
        "can you return plants if they die within a month",
        "i want to return this kettle, its still sealed",
        "Kindly tell me the procedure for returning a damaged item bought last week",
    ], [
        "is swimwear returnable",
        "exchanges on sale items allowed?",
        "do returns need ID",
        "how long is the return window over the holidays",
        "can i return a phone if i opened it",
    ]),
    "refund_status": ([
        "where is my refund",
        "I returned a lamp two weeks ago and still haven't got my money back",
        "refund for order 77341 not showing on my card",
        "how long does a refund take to hit my account",
        "refnd status?",
        "Returned the headphones last Tuesday, has the refund been processed yet?",
        "still waiting on my refund from the cancelled curbside order",
        "when will i get my money back for the order you cancelled",
        "my refund went back to an old card that I've cloesd, what happens now",
        "check refund SM-559012",
        "they said 3-5 business days and it's been 10, where's my refund",
        "Has my refund gone through yet? Order number 3390215",
        "refund pending for over a week",
        "didnt get the refund for the pram i sent back",
        "Can you tell me if the refund for my returned drill was approved?",
    ], [
        "where's the money from my return",
        "refund not received yet order 61120",
        "is my refund on the way",
        "how do i check the status of a refund",
        "no refund yet for the jeans i returned",
    ]),
    "order_pickup": ([
        "i'm here to collect my online order",
        "picking up order 88213",
        "How does curbside pickup work here?",
        "parked in bay 6 for curbside, order SM-402211",
        "is my order ready for pickup",
        "got a text saying my order's ready, what do I do now",
        "pickup locker code isnt working",
        "Can my husband pick up my order, it's under my name?",
        "how long do you hold an online order for colection",
        "BOPIS order pickup",
        "I ordered a barbecue online for in-store pickup, do I need to bring ID?",
        "here for kerbside collection",
        "my pickup slot is 4-5 but I'm early, can I grab it now",
        "picup order 2290144",
        "do i need to come inside for curbside or will someone bring it out",
    ], [
        "collect order please",
        "order pick up for Jones",
        "can someone else collect my click and collect order",
        "app says ready for pickup, i'm at door 2",
        "can i change the pickup time on my order",
    ]),
    "payment_methods": ([
        "u take google pay?",
        "Can I pay by cheque?",
        "is discover accepted here",
        "can i split the bill between two cards",
        "Do you do buy now pay later, like Klarna or Afterpay?",
        "do you take cash at self checkout",
        "EBT accepted?",
        "can I pay part cash part card",
        "finacing options for a fridge freezer",
        "Does self checkout take contactless?",
        "do you take euros",
        "paypal at the till?",
        "my card is from overseas, will it work here",
        "do you acept venmo",
        "Is there a minimum spend for paying by card? Only buying a pack of gum",
    ], [
        "can i pay wiht my phone",
        "do you accept SNAP",
        "interest free finance on appliances?",
        "visa debit ok?",
        "do you take Interac",
    ]),
    "gift_card": ([
        "check gift card balance",
        "how much is left on my gift card ending in 2281",
        "Can I buy a gift card for $75?",
        "gift card declined at the till, it's brand new",
        "I lost my gift card, can you replace it if I still have the receipt?",
        "do gift cards expire",
        "my gift card wasnt activated when i bought it",
        "giftcard balance 4003 9921 0044 1187",
        "can I use a gift card online",
        "Do you sell e-gift cards I can email to my sister for her birthday?",
        "gift voucher balance please",
        "can i put more money on my gift card",
        "Someone gave me a gift card for this shop, does it work at any branch?",
        "gfit card balance",
        "gift cards?",
    ], [
        "can i get cash back for a gift card with 3 dollars left",
        "combine two gift cards onto one",
        "my gift card shows zero but I never used it",
        "is there a limit on how much a gift card can hold",
        "gift card pin scratched off",
    ]),
    "loyalty_program": ([
        "how many points have i got",
        "How do I sign up for the rewards card?",
        "is the membership free",
        "forgot my rewards card, can you still add the points",
        "what do i get for gold tier",
        "do points expire",
        "Can I link my loyality account with my partner's?",
        "points balance for member 5520 1184",
        "Loyalty card?",
        "how do I redeam my rewards points at the till",
        "I didn't get points for yesterday's shop, can you add them on",
        "whats the perks of being a member",
        "rewrds program sign up",
        "lost my membership card",
        "Do I earn points on pharmacy purchases?",
    ], [
        "how many points for a free coffee",
        "change email on my rewards account",
        "points didn't go through",
        "is there a student membership",
        "can i use points on sale items",
    ]),
    "promotions": ([
        "what's on sale this week",
        "is the laundry detergant on sale",
        "any coupons for diapers",
        "can I see this week's flyer",
        "Is the buy one get one free on crisps still going?",
        "any clearance deals on patio furniture",
        "do you do a military discount",
        "student discount?",
        "Is there a senoir discount day?",
        "are the christmas lights reduced yet",
        "promo code for online orders?",
        "do u have any offers on dog food",
        "when do the Black Friday deals start",
        "is the 3 for 2 on shampoo still on",
        "any disocunts for teachers",
    ], [
        "what's half price today",
        "is there a coupon for the paint",
        "whats in the leaflet this week",
        "bulk discount if I buy 20 bags of mulch?",
        "any sales on tvs",
    ]),
    "price_match": ([
        "do you price match",
        "Amazon has this kettle for $10 less, will you match it?",
        "target has the same car seat cheaper",
        "I bought a drill here last week and now it's on sale, can I get the difference back?",
        "do you match online prices",
        "price matching with aldi?",
        "Home Depot's ad has this mower for 249, can you do that price",
        "price adjustment, it dropped two days after I bought it",
        "will you beat a competiters price",
        "do u match costco",
        "Do you match your own website price in store?",
        "the shop across the road sells this for less",
        "pric match policy",
        "Can I get a price match if the other store's deal is a coupon?",
        "Tesco do it cheaper, match it?",
    ], [
        "do you honour other stores' prices",
        "price match on tvs?",
        "best buy has it on sale, can you match",
        "Walmart's price is lower, can I get that here",
        "saw it cheaper online yesterday, can you match",
    ]),
    "warranty_repair": ([
        "the kettle I bought here stopped heating, is that under warranty?",
        "How long is the warranty on laptops?",
        "screen cracked on my tablet, does the protection plan cover that",
        "file a warranty claim",
        "my vacuum I bought in march just died",
        "What does the extended warranty on a washing machine actually cover?",
        "headphones bought 2 months ago only work in one ear",
        "warrenty on the lawn mower?",
        "Do I need the receipt for a warranty repair?",
        "my phone from here wont charge anymore, can you fix it under warranty",
        "the drill battery doesnt hold a charge after 6 months",
        "who do i send my broken microwave to for repair, still in warranty",
        "protection plan claim for my tv",
        "My son's bike that we got here already has a bent frame and it's barely a month old",
        "is water damage covered on the care plan",
    ], [
        "the fridge i bought here is leaking, what do i do",
        "how do i register my warranty",
        "does the guarantee cover the hinges on the wardrobe",
        "coffee machine under warranty broke again",
        "garantee on power tools?",
    ]),
    "store_facilities": ([
        "toilets?",
        "where are the bathrooms",
        "is there free wifi",
        "Is there a cash machine anywhere in the store?",
        "baby changing room",
        "is there a lift to the first floor",
        "where do i get a trolley",
        "Is parking free or do I need a ticket?",
        "fitting rooms?",
        "where's the nearest exit",
        "Do you have wheelchairs or mobilty scooters for customers to use?",
        "wifi pasword pls",
        "is there anywhere to sit down, my mum's feeling a bit faint",
        "any lockers for bags",
        "wher is the loo",
    ], [
        "is there a water fountain",
        "handbaskets?",
        "where's the elevator",
        "ev charging in the car park?",
        "is there disabled parking near the door",
    ]),
    "store_services": ([
        "can you cut a copy of my house key",
        "do you print photos from a phone",
        "can i get a flu shot here",
        "Do you offer gift wrapping?",
        "do you install car seats",
        "Can I get my prescription refilled here?",
        "do you assemble furniture if I buy it",
        "paint mixing?",
        "do you do phone screen repairs",
        "can you engrave a name on this wacth",
        "Do you do alterations on trousers bought here?",
        "tv wall mounting service",
        "do you fit tyres",
        "can I get my blood pressure checked at the pharmacy",
        "pasport photos?",
    ], [
        "do you sharpen knives",
        "can you recycle my old batteries",
        "do you offer covid vaccines",
        "can you cut timber to size",
        "do yall do blinds cut to measure",
    ]),
    "delivery_options": ([
        "do you deliver",
        "how much is delivery",
        "Can you deliver a sofa on a Saturday?",
        "where is my delivery, it was meant to come yesterday",
        "tracking number for my home delivery",
        "do you ship to canada",
        "same day delivery available?",
        "free delivery over what amount",
        "My fridge delivery window says 8 to 6, can I get a narrower slot?",
        "do you take away the old washer when you deliver the new one",
        "delivry fee for grocery orders",
        "can you ship it to my work address instead",
        "has my parcel been dispached yet",
        "Do you deliver to PO boxes?",
        "is next day shipping a thing",
    ], [
        "track my delivery",
        "do you deliver to rural areas",
        "how long does shipping take",
        "delivery on sundays?",
        "can the delivery guys bring it upstiars",
        'whats the cut off for next day delivery',
        'my parcel has said out for delivery since 7am, any update?',
        'can I book a delivery slot for thursday evening',
        'deliverys to ireland?',
        "can I change the delivery address after I've ordered",
        "the tracking hasn't updated in 4 days",
        'Do you deliver bags of compost and gravel or is that collection only?',
    ]),
    "complaint": ([
        "the guy on checkout 4 was so rude",
        "The milk I bought yesterday was already off",
        "you overcharged me for the avocados, the shelf said 99p",
        "floors in the bathroom are digusting",
        "only one till open and a queue out the door, ridiculous",
        "i'd like to make a complaint about the duty manager",
        "found mould on the bread",
        "staff ignored me for 10 minutes",
        "third time this month my shopping has been wrong, I'm fed up",
        "security guard followed me round the whole store like I was a criminel",
        "expired yoghurt on the shelf",
        "Your car park is full of potholes and nobody ever fixes them.",
        "terible service today",
        "The self checkout charged me twice for the same item.",
        "why is there never anyone on the meat counter, so annoying",
    ], [
        "bad experience, want to file a complaint",
        "the eggs were cracked in the box",
        "the store is filthy",
        "staff were swearing in front of my kids",
        "complaint about an employee",
    ]),
    "human_agent": ([
        "can i speak to a real person",
        "manager please",
        "I need somone to unlock the razor case",
        "can someone help me carry a bag of concrete to my car",
        "get me an employee",
        "Could you call someone from electronics over to help me?",
        "human",
        "need staff in aisle 9",
        "I'd like to speak with the store manager",
        "can a member of staff help me lift a tv into my trolley",
        "stop the bot, real person pls",
        "send an assoicate to the garden centre please",
        "Can I talk to someone in the pharmacy?",
        "asistant needed",
        "call somebody over, i need help working out which fuse i need",
    ], [
        "staff member please",
        "i want to speak to a supervisor",
        "page someone from the bakery",
        "can someone open the locked cabinet with the phones",
        "i need a worker",
    ]),
    "greeting": ([
        "hiya",
        "hello there",
        "good morning!",
        "thanks for the help",
        "cheers mate",
        "bye",
        "hey kiosk how's it going",
        "thank u so much",
        "Good afternoon",
        "ok thanks, that's all",
        "howdy",
        "helo",
        "G'day",
        "thx bye",
        "nice one, ta",
    ], [
        "yo",
        "morning",
        "hey there, anyone home?",
        "thank you kindly",
        "have a good one",
        "good evening kiosk",
        "ty",
        "hello hello",
        "appreciate it",
        "thanks a bunch",
        "hey hey",
        "see ya later",
        "namaste",
        "hi again",
        "lovely, thank you",
        "gud morning",
        'hello, first time using one of these',
        "thanks, youve been realy helpful today",
        'morning kiosk, busy day?',
        'cheers for that, have a nice evening',
        'right, thank you, bye now',
        "hi kiosk, hope you're well",
        'thanks heaps',
        'good arvo',
        'ta very much love',
        'hullo',
        'sup kiosk',
        'evening all',
        'thank youuu',
        "oh hello again, it's me",
        'brilliant, thanks for that',
        'alright there kiosk',
        'many thanks, goodbye',
        'hey, quick question coming up',
    ]),
    "out_of_scope": ([
        # general knowledge, maths, translation, homework, weather
        "what's the capital of australia",
        "who won the world cup in 2018",
        "how tall is mount everest",
        "when did the titanic sink",
        "what's 17 times 23",
        "translate thank you into spanish",
        "how do you spell necessary",
        "help me with my algebra homework",
        "whats the wether like tomorow in leeds",
        "is it going to rain this afternoon",
        "why is the sky blue",
        "who invented the lightbulb",
        "convert 5 miles to km",
        "how long do you boil an egg for",
        "what's the speed of light",
        "who is the richest person in the world",
        "what year did ww2 end",
        # chit-chat and insults
        "tell me a jokke",
        "are you a robot",
        "do you have feelings",
        "what's your favourite colour",
        "ur useless",
        "will you marry me",
        "i'm bored",
        "sing me a song",
        "what's the meaning of life",
        "can you lend me 20 quid",
        "this machine is thick as a brick lol",
        # phone-assistant commands, rides, food, travel
        "set alram for 6am",
        "call my mum",
        "play some taylor swift",
        "text john im running late",
        "remind me to take the bins out tonite",
        "turn on bluetooth",
        "book me an uber to the airport",
        "order a large pepperoni from dominos",
        "find me a flight to dublin next firday",
        "when is the next bus into town",
        # medical, legal, financial advice
        "how much ibuprofen can i give my 4 year old",
        "i have a rash on my arm, what is it",
        "can i take paracetamol with antibiotcs",
        "is this mole cancerus",
        "my chest hurts when i breathe, what should i do",
        "what's the best antidepressant",
        "can my landlord evict me without notice",
        "should i buy bitcoin",
        "how do i file my taxes",
        "is it legal to record someone without telling them",
        "which stocks shoud I invest in",
        "how do i get out of a parking fine",
        # other businesses
        "what time does the post office close",
        "does walmart have ps5s in stock",
        "is costco open on sundays",
        "what's on offer at tesco this week",
        "where is the nearest mcdonalds",
        "How do I open a bank account with Chase?",
        "DMV hours today",
        "does the urgent care on main st take walk ins",
        "does the chemist next door have covid tests",
        # politics
        "who should i vote for",
        "what do you think of the prime minister",
        # store questions the kiosk must not answer
        "how much does the store manager make",
        "how many people work here",
        "what are this store's profits",
        "what's the code for the staff door",
        "what time does the armoured truck collect the cash",
        "how do i get a securty tag off without the machine",
        "how much does your CEO earn",
        "how do i hack my ex's phone",
        "how to get into someone elses account",
        "how much do cashiers get payed here",
        "whats the alarm code for the back door",
        "which cameras in here dont actually record",
        "How would someone walk out with stuff without the gates beeping? asking for a friend",
        "what's the combination for the safe in the office",
    ], [
        "how old is the king",
        "spell restaurant",
        "what's 15% of 80",
        "will it snow on christmas",
        "open spotify",
        "what's the square root of 144",
        "are you smarter than siri",
        "how many employees does this company have",
        "can i sue my employer for unpaid overtime",
        "is ikea open late tonight",
        "what's the population of canada",
        "book a table at nandos for 4",
        "how long does a cold last",
        "do you know any good dentists",
        "should i refinance my mortgage",
        "how do i turn off the shoplifting alarm",
        "what time does the cash get collected",
        "what's the date today",
        "start a timer for 10 minutes",
        "how far away is the moon",
        "can i claim my dog on my taxes",
        "who wone the super bowl last year",
        'how many legs does a spider have',
        'who wrote pride and prejudice',
        'recommend a good netflix show',
        'how do i get rid of a hangover',
        'is my boss allowed to cut my hours without warning',
        "what's the exchange rate for dollars to pounds today",
        'what time does the library open',
        'does aldi sell cheaper nappies than you',
        'best pub near here',
        'how many staff are on shift right now',
        'when do you empty the cash out of the tills',
        'navigate home',
        "what's trending on tiktok",
        'how do i lose 10 kilos fast',
        'is it safe to take melatonin while pregnant',
        "what's this company's annual revenue",
        'how to jailbreak an iphone',
        'who is taylor swift dating',
        'whats the boiling point of water in fahrenheit',
        'play radio 1',
        'do you think aliens exist',
        'what is photosynthesis',
        'how many days till christmas',
        'is my car insurance too high',
        'kindly tell me train timings to pune',
    ]),
}


_PUNCT = re.escape(string.punctuation + "\u2018\u2019\u201c\u201d\u2013\u2014\u2026")


def norm_keys(text):
    """Both normalisations of a line: punctuation removed, and turned into spaces."""
    low = text.lower()
    removed = " ".join(re.sub("[" + _PUNCT + "]", "", low).split())
    spaced = " ".join(re.sub("[" + _PUNCT + "]", " ", low).split())
    return {removed, spaced}


def load_other_keys():
    """Normalised keys of every other data file, per file. Never prints text."""
    per_file = {}
    for rel in OTHER_FILES:
        path = os.path.normpath(os.path.join(HERE, rel))
        if not os.path.exists(path):
            sys.exit("missing %s: cannot check overlap" % rel)
        keys = set()
        with open(path, encoding="utf-8") as f:
            for raw in f:
                raw = raw.strip()
                if not raw:
                    continue
                keys |= norm_keys(json.loads(raw)["text"])
        per_file[rel] = keys
    return per_file


def collisions(text, other):
    keys = norm_keys(text)
    return [rel for rel, ks in other.items() if keys & ks]


def build(other):
    rows = []
    seen = set()
    dropped = {rel: 0 for rel in OTHER_FILES}
    dropped_lines = 0
    self_dupes = 0
    reserves_used = {}
    short = []
    dropped_main = {i: 0 for i in INTENTS}
    for intent in INTENTS:
        main, reserve = LINES[intent]
        target = OUT_OF_SCOPE if intent == "out_of_scope" else PER_INTENT
        if len(main) != target:
            sys.exit("%s: %d main lines, expected %d" % (intent, len(main), target))
        kept = []
        used = 0
        for i, text in enumerate(main + reserve):
            if len(kept) == target:
                break
            if i >= len(main):
                used += 1
            hit = collisions(text, other)
            keys = norm_keys(text)
            if hit:
                dropped_lines += 1
                if i < len(main):
                    dropped_main[intent] += 1
                for rel in hit:
                    dropped[rel] += 1
                continue
            if keys & seen:
                self_dupes += 1
                continue
            seen |= keys
            kept.append(text)
        reserves_used[intent] = used
        if len(kept) != target:
            short.append("%s: %d of %d" % (intent, len(kept), target))
        rows.extend({"text": t, "intent": intent} for t in kept)
    if short:
        sys.exit("too few lines after the overlap check (write more reserves): " + ", ".join(short))
    return rows, dropped, dropped_lines, self_dupes, reserves_used, dropped_main


def counts(rows):
    c = {i: 0 for i in INTENTS}
    for r in rows:
        c[r["intent"]] += 1
    return c


def main():
    other = load_other_keys()
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as f:
            rows = [json.loads(l) for l in f if l.strip()]
        bad = {rel: 0 for rel in OTHER_FILES}
        for r in rows:
            for rel in collisions(r["text"], other):
                bad[rel] += 1
        c = counts(rows)
        ok = all(v == 0 for v in bad.values()) and all(
            c[i] == (OUT_OF_SCOPE if i == "out_of_scope" else PER_INTENT) for i in INTENTS)
        for rel in OTHER_FILES:
            print("overlap with %s: %d" % (rel, bad[rel]))
        print("lines: %d, per intent ok: %s" % (len(rows), ok))
        sys.exit(0 if ok else 1)

    rows, dropped, dropped_lines, self_dupes, reserves_used, dropped_main = build(other)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for rel in OTHER_FILES:
        print("dropped (equal to a line of %s): %d" % (rel, dropped[rel]))
    print("lines dropped in all: %d, duplicates within this set: %d" % (dropped_lines, self_dupes))
    for intent in INTENTS:
        print("%-18s %3d  (main lines dropped: %d, reserve lines read: %d)"
              % (intent, counts(rows)[intent], dropped_main[intent], reserves_used[intent]))
    print("wrote %d lines to %s" % (len(rows), os.path.relpath(OUT, HERE)))


if __name__ == "__main__":
    main()
