"""Writes judgments.jsonl from the editor's judgments below (the checks and the format are in
bench/judgments.py).

    python3 bench/knowledge5/build_judgments.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.judgments import EV, ORG, PER, Judgments

judgments = Judgments(Path(__file__).resolve().parent)
s = judgments.story

IRCS = ["Iranian Red Crescent Society", "Red Crescent"]
DOE = "doe"
KAL = "mehrdad-kalantari"

# ---- ilam-wildfire: fire in the oak forests of Manesht mountain, Ilam, 2-12 August 2026
FIRE = "manesht-forest-fire-2026"
s(
    "ilam-wildfire-01",
    "ilam-wildfire",
    ["maryam-zare"],
    [
        (FIRE, EV, "about", ["fire"]),
        ("maryam-zare", PER, "quoted", ["Maryam Zare", "Zare"]),
        (DOE, ORG, "about", ["Department of Environment", "DoE"]),
        ("irna", ORG, "mentions", ["IRNA"]),
        ("frwo", ORG, "mentions", ["Forests, Rangelands and Watershed Management Organization"]),
        ("ilam-crisis-management", ORG, "mentions", ["provincial crisis management headquarters"]),
    ],
)
s(
    "ilam-wildfire-02",
    "ilam-wildfire",
    [KAL, "ali-ahmadi"],
    [
        (FIRE, EV, "about", ["fire"]),
        ("ircs", ORG, "about", IRCS),
        (KAL, PER, "quoted", ["Mehrdad Kalantari", "Kalantari"]),
        ("ali-ahmadi", PER, "quoted", ["Ali Ahmadi", "Ahmadi"]),
    ],
)
s(
    "ilam-wildfire-03",
    "ilam-wildfire",
    ["parisa-shahbazi", "shirin-valizadeh"],
    [
        (FIRE, EV, "about", ["fire in the oak forests of Manesht mountain", "fire"]),
        (DOE, ORG, "about", ["Department of Environment", "DoE"]),
        ("parisa-shahbazi", PER, "quoted", ["Dr. Parisa Shahbazi", "Shahbazi"]),
        ("maryam-zare", PER, "mentions", ["Zare"]),
        ("shirin-valizadeh", PER, "quoted", ["Shirin Valizadeh"]),
        ("zagros-oak-guardians", ORG, "mentions", ["Zagros Oak Guardians"]),
    ],
)
s(
    "ilam-wildfire-04",
    "ilam-wildfire",
    ["ruhollah-karami", "ali-ahmadi"],
    [
        (FIRE, EV, "about", ["fire"]),
        ("ruhollah-karami", PER, "quoted", ["Ruhollah Karami", "Karami"]),
        ("mizan", ORG, "mentions", ["Mizan"]),
        ("judiciary", ORG, "mentions", ["judiciary"]),
        ("ali-ahmadi", PER, "quoted", ["Ali Ahmadi"]),
        (DOE, ORG, "mentions", ["Department of Environment"]),
    ],
)

# ---- chabahar-cyclone: Cyclone Dalia on the coast of Sistan and Baluchestan, 14-20 June 2026
# (one story re-sent with a new headline)
CY = "cyclone-dalia-2026"
s(
    "chabahar-cyclone-01",
    "chabahar-cyclone",
    ["nasrin-golshani"],
    [
        (CY, EV, "about", ["Cyclone Dalia", "tropical cyclone"]),
        ("irimo", ORG, "about", ["Iranian Meteorological Organization", "IRIMO"]),
        ("nasrin-golshani", PER, "quoted", ["Dr. Nasrin Golshani"]),
        ("pmo", ORG, "mentions", ["Ports and Maritime Organization", "PMO"]),
    ],
)
C2 = [
    (CY, EV, "about", ["Cyclone Dalia"]),
    ("ircs", ORG, "about", IRCS),
    ("abdol-majid-rigi", PER, "quoted", ["Abdol-Majid Rigi", "Rigi"]),
    ("mansour-shahraki", PER, "quoted", ["Mansour Shahraki", "Shahraki"]),
    ("iranshahr-ums", ORG, "mentions", ["Iranshahr University of Medical Sciences"]),
]
s("chabahar-cyclone-02", "chabahar-cyclone", ["abdol-majid-rigi", "mansour-shahraki"], C2)
s(
    "chabahar-cyclone-02-resent",
    "chabahar-cyclone",
    ["abdol-majid-rigi", "mansour-shahraki"],
    C2,
    dup="chabahar-cyclone-02",
)
s(
    "chabahar-cyclone-03",
    "chabahar-cyclone",
    [KAL, None],
    [
        (CY, EV, "about", ["Cyclone Dalia"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS", "Red Crescent"]),
        (KAL, PER, "quoted", ["Mehrdad Kalantari", "Kalantari"]),
        ("irna", ORG, "mentions", ["IRNA"]),
    ],
)
s(
    "chabahar-cyclone-04",
    "chabahar-cyclone",
    ["mansour-shahraki"],
    [
        (CY, EV, "about", ["Cyclone Dalia"]),
        ("mansour-shahraki", PER, "quoted", ["Mansoor Shahraki", "Shahraki"]),
        ("iran-fisheries-organization", ORG, "about", ["Iran Fisheries Organization"]),
        ("chabahar-free-zone", ORG, "mentions", ["Chabahar Free Zone Organization"]),
        ("ircs", ORG, "mentions", ["Red Crescent"]),
    ],
)

# ---- insulin-trial: insulin pens hoarded by a Tehran distributor, its director tried,
# 8 September - 19 October 2026
IFDA = "ifda"
PDG = "pars-daroo-gostar"
TRIAL = "insulin-hoarding-trial-2026"
s(
    "insulin-trial-01",
    "insulin-trial",
    ["nooshin-fallahi"],
    [
        (IFDA, ORG, "about", ["Iran Food and Drug Administration", "IFDA"]),
        (PDG, ORG, "about", ["Pars Daroo Gostar"]),
        ("nooshin-fallahi", PER, "quoted", ["Dr. Nooshin Fallahi", "Fallahi"]),
        ("isna", ORG, "mentions", ["ISNA"]),
        ("judiciary", ORG, "mentions", ["Tehran prosecutor's office"]),
    ],
)
s(
    "insulin-trial-02",
    "insulin-trial",
    [None, "golnar-mirzaei"],
    [
        ("golnar-mirzaei", PER, "quoted", ["Golnar Mirzaei", "Mirzaei"]),
        ("iranian-diabetes-association", ORG, "mentions", ["Iranian Diabetes Association"]),
        ("judiciary", ORG, "mentions", ["judiciary"]),
        (IFDA, ORG, "mentions", ["Iran Food and Drug Administration"]),
    ],
)
s(
    "insulin-trial-03",
    "insulin-trial",
    ["mojtaba-ghasemi", "farhad-barzegar"],
    [
        (TRIAL, EV, "about", ["trial"]),
        (PDG, ORG, "about", ["Pars Daroo Gostar"]),
        ("mizan", ORG, "mentions", ["Mizan"]),
        ("mojtaba-ghasemi", PER, "quoted", ["Hojatoleslam Mojtaba Ghasemi", "Ghasemi"]),
        ("farhad-barzegar", PER, "quoted", ["Farhad Barzegar", "Barzegar"]),
    ],
)
s(
    "insulin-trial-04",
    "insulin-trial",
    ["kamran-sadr-e-ameli", "nooshin-fallahi"],
    [
        (TRIAL, EV, "about", ["Insulin hoarding"]),
        ("farhad-barzegar", PER, "about", ["Farhad Barzegar", "Barzegar"]),
        (PDG, ORG, "mentions", ["Pars Daroo Gostar"]),
        ("judiciary", ORG, "mentions", ["judiciary"]),
        ("kamran-sadr-e-ameli", PER, "quoted", ["Kamran Sadr-e Ameli", "Sadr-e Ameli"]),
        ("supreme-court", ORG, "mentions", ["Supreme Court"]),
        ("nooshin-fallahi", PER, "quoted", ["Nushin Fallahi", "Fallahi"]),
        (IFDA, ORG, "mentions", ["Iran Food and Drug Administration", "IFDA"]),
    ],
)

# ---- iut-food-poisoning: 140 students poisoned at the dormitories of Isfahan University of
# Technology, 8-16 November 2026
IUT = "iut"
MUI = "mui"
POI = "iut-food-poisoning-2026"
s(
    "iut-food-poisoning-01",
    "iut-food-poisoning",
    ["ali-reza-jafari"],
    [
        (POI, EV, "about", ["food poisoning"]),
        (IUT, ORG, "about", ["Isfahan University of Technology", "IUT"]),
        ("ali-reza-jafari", PER, "quoted", ["Dr. Ali-Reza Jafari", "Jafari"]),
        (MUI, ORG, "mentions", ["Isfahan University of Medical Sciences"]),
    ],
)
s(
    "iut-food-poisoning-02",
    "iut-food-poisoning",
    ["mahnaz-tabatabaei"],
    [
        (IUT, ORG, "mentions", ["Isfahan University of Technology", "IUT"]),
        ("mahnaz-tabatabaei", PER, "quoted", ["Dr. Mahnaz Tabatabaei", "Tabatabaei"]),
        (MUI, ORG, "about", ["Isfahan University of Medical Sciences", "MUI"]),
        ("sepid-ghaza", ORG, "mentions", ["Sepid Ghaza"]),
        ("science-ministry", ORG, "mentions", ["Ministry of Science, Research and Technology"]),
    ],
)
s(
    "iut-food-poisoning-03",
    "iut-food-poisoning",
    [None, "gholamhossein-navabi", "gholamhossein-navabi"],
    [
        (IUT, ORG, "about", ["Isfahan University of Technology", "IUT"]),
        ("gholamhossein-navabi", PER, "quoted", ["Qolamhossein Navabi", "Navabi"]),
        ("ali-reza-jafari", PER, "mentions", ["Alireza Jafari"]),
    ],
)

# ---- hazfi-cup-final: Sepahan v Esteghlal Khuzestan, Hazfi Cup final in Isfahan, 18-30 May 2026
HZ = "hazfi-cup-final-2026"
FF = "ffiri"
SEP = "sepahan"
EK = "esteghlal-khuzestan"
s(
    "hazfi-cup-final-01",
    "hazfi-cup-final",
    ["jalal-omidvar", "sattar-hamidavi"],
    [
        (HZ, EV, "about", ["Hazfi Cup final", "final of the Hazfi Cup"]),
        (SEP, ORG, "about", ["Sepahan"]),
        (EK, ORG, "about", ["Esteghlal Khuzestan"]),
        (FF, ORG, "mentions", ["Football Federation of Iran", "FFIRI"]),
        ("jalal-omidvar", PER, "quoted", ["Jalal Omidvar"]),
        ("sattar-hamidavi", PER, "quoted", ["Sattar Hamidavi"]),
    ],
)
s(
    "hazfi-cup-final-02",
    "hazfi-cup-final",
    ["siavash-pakzad", "siavash-pakzad", "jalal-omidvar"],
    [
        (HZ, EV, "about", ["final of the Hazfi Cup"]),
        (SEP, ORG, "about", ["Sepahan"]),
        (EK, ORG, "about", ["Esteghlal Khuzestan"]),
        ("siavash-pakzad", PER, "quoted", ["Siavash Pakzad", "Pakzad"]),
        ("bahram-dehghani", PER, "mentions", ["Bahram Dehqani"]),
        ("jalal-omidvar", PER, "quoted", ["Omidvar"]),
        ("sattar-hamidavi", PER, "mentions", ["Hamidavi"]),
    ],
)
s(
    "hazfi-cup-final-03",
    "hazfi-cup-final",
    ["ali-akbar-mohammadzadeh-bonab"],
    [
        (HZ, EV, "about", ["Hazfi Cup final"]),
        (FF, ORG, "about", ["Football Federation of Iran"]),
        (SEP, ORG, "about", ["Sepahan"]),
        (EK, ORG, "about", ["Esteghlal Khuzestan"]),
        (
            "ali-akbar-mohammadzadeh-bonab",
            PER,
            "quoted",
            ["Ali Akbar Mohammadzadeh Bonab", "Mohammadzadeh Bonab"],
        ),
        ("tasnim", ORG, "mentions", ["Tasnim news agency"]),
    ],
)
s(
    "hazfi-cup-final-04",
    "hazfi-cup-final",
    ["nader-safavi"],
    [
        ("afc", ORG, "about", ["Asian Football Confederation", "AFC"]),
        (SEP, ORG, "about", ["Sepahan"]),
        (
            "afc-champions-league-two-2026-27",
            EV,
            "mentions",
            ["AFC Champions League Two", "Asian Champions League Two"],
        ),
        (FF, ORG, "mentions", ["Football Federation of Iran"]),
        ("nader-safavi", PER, "quoted", ["Nader Safavi", "Safavi"]),
        (HZ, EV, "mentions", ["Hazfi Cup final"]),
        ("siavash-pakzad", PER, "mentions", ["Siavash Pakzad"]),
        ("bahram-dehghani", PER, "mentions", ["Bahram Dehqani"]),
    ],
)

# ---- kashan-rosewater: rosewater festival of Qamsar, near Kashan, 2-12 May 2026 (the festival's
# slogan in quotation marks is not a quote)
RW = "qamsar-rosewater-festival-2026"
COOP = "qamsar-rosewater-cooperative"
s(
    "kashan-rosewater-01",
    "kashan-rosewater",
    [None, "leila-nourbakhsh"],
    [
        (RW, EV, "about", ["rosewater festival of Qamsar", "festival"]),
        ("leila-nourbakhsh", PER, "quoted", ["Leila Nourbakhsh", "Nourbakhsh"]),
        ("heritage-ministry", ORG, "mentions", ["Ministry of Cultural Heritage, Tourism and Handicrafts"]),
        ("isfahan-heritage-department", ORG, "mentions", ["provincial cultural heritage department"]),
    ],
)
s(
    "kashan-rosewater-02",
    "kashan-rosewater",
    ["abbas-golchin", "mahboubeh-ansari-kashani"],
    [
        (RW, EV, "about", ["rosewater festival in Qamsar", "festival"]),
        ("abbas-golchin", PER, "quoted", ["Hajj Abbas Golchin"]),
        (COOP, ORG, "about", ["Qamsar Rosewater Producers' Cooperative"]),
        ("mahboubeh-ansari-kashani", PER, "quoted", ["Mahboubeh Ansari-Kashani"]),
    ],
)
s(
    "kashan-rosewater-03",
    "kashan-rosewater",
    ["farideh-sadat-mousavi"],
    [
        (RW, EV, "about", ["rosewater festival of Qamsar", "festival"]),
        ("heritage-ministry", ORG, "mentions", ["Ministry of Cultural Heritage, Tourism and Handicrafts"]),
        ("leila-nourbakhsh", PER, "mentions", ["Leila Noorbakhsh"]),
        ("university-of-kashan", ORG, "mentions", ["University of Kashan"]),
        ("farideh-sadat-mousavi", PER, "quoted", ["Dr. Farideh Sadat Mousavi"]),
        (COOP, ORG, "mentions", ["Qamsar Rosewater Producers' Cooperative"]),
    ],
)

# ---- kerman-carpet-theft: three antique carpets stolen from the carpet museum of Kerman,
# 15 February - 10 March 2026 (the museum is a venue, not an entity)
TH = "kerman-carpet-museum-theft-2026"
KHD = "kerman-heritage-department"
GOV = "mohammad-ali-rezaei"
s(
    "kerman-carpet-theft-01",
    "kerman-carpet-theft",
    ["nasrin-zarei"],
    [
        ("nasrin-zarei", PER, "quoted", ["Nasrin Zarei", "Zarei"]),
        (KHD, ORG, "mentions", ["provincial cultural heritage department"]),
    ],
)
s(
    "kerman-carpet-theft-02",
    "kerman-carpet-theft",
    [GOV],
    [
        (TH, EV, "about", ["carpet theft"]),
        (GOV, PER, "quoted", ["Mohammad-Ali Rezaei", "Rezaei"]),
        ("faraja", ORG, "mentions", ["Law Enforcement Command of the Islamic Republic of Iran", "FARAJA"]),
        ("interpol", ORG, "mentions", ["Interpol"]),
        ("nasrin-zarei", PER, "mentions", ["Nasrin Zarei"]),
    ],
)
s(
    "kerman-carpet-theft-03",
    "kerman-carpet-theft",
    ["hossein-nazari", "nasrin-zarei"],
    [
        ("hossein-nazari", PER, "quoted", ["Hossein Nazari", "Nazari"]),
        ("nasrin-zarei", PER, "quoted", ["Nasrin Zarei"]),
        (KHD, ORG, "mentions", ["provincial cultural heritage department"]),
    ],
)
s(
    "kerman-carpet-theft-04",
    "kerman-carpet-theft",
    [GOV],
    [
        (TH, EV, "about", ["theft of three antique carpets", "theft"]),
        ("judiciary", ORG, "mentions", ["judiciary"]),
        ("ebrahim-hamidi", PER, "mentions", ["Hojatoleslam Ebrahim Hamidi"]),
        (GOV, PER, "quoted", ["Mohammadali Rezaee"]),
        ("interpol", ORG, "mentions", ["Interpol"]),
    ],
)

# ---- bazargan-apples: apple trucks stuck at the Bazargan border crossing, 5-20 October 2026
# (no named event)
UNION = "apple-growers-union"
s(
    "bazargan-apples-01",
    "bazargan-apples",
    ["ghader-alizadeh"],
    [
        (UNION, ORG, "about", ["union of apple growers", "West Azerbaijan Apple Growers' Union"]),
        ("ghader-alizadeh", PER, "quoted", ["Ghader Alizadeh", "Alizadeh"]),
        ("irica", ORG, "mentions", ["Islamic Republic of Iran Customs Administration", "IRICA"]),
    ],
)
s(
    "bazargan-apples-02",
    "bazargan-apples",
    [None, "reza-jafarian"],
    [
        ("reza-jafarian", PER, "quoted", ["Reza Jafarian", "Jafarian"]),
        ("irica", ORG, "mentions", ["IRICA"]),
        ("rmto", ORG, "mentions", ["Road Maintenance and Transportation Organization", "RMTO"]),
    ],
)
s(
    "bazargan-apples-03",
    "bazargan-apples",
    ["kamal-sheikh-ol-eslami"],
    [
        ("tpo", ORG, "about", ["Trade Promotion Organization of Iran", "TPO"]),
        ("turkey-trade-ministry", ORG, "mentions", ["Ministry of Trade"]),
        ("kamal-sheikh-ol-eslami", PER, "quoted", ["Eng. Kamal Sheikh-ol-Eslami", "Sheikh-ol-Eslami"]),
        ("ghader-alizadeh", PER, "mentions", ["Qader Alizadeh"]),
        (UNION, ORG, "mentions", ["apple growers' union"]),
    ],
)
s(
    "bazargan-apples-04",
    "bazargan-apples",
    ["ebrahim-ghaffari"],
    [
        ("ebrahim-ghaffari", PER, "quoted", ["Ebrahim Ghaffari", "Ghaffari"]),
        ("west-azerbaijan-agriculture-jihad", ORG, "mentions", ["provincial agriculture jihad organisation"]),
        ("shahla-pourmand", PER, "mentions", ["Shahla Pourmand"]),
        ("tpo", ORG, "mentions", ["Trade Promotion Organization"]),
        (UNION, ORG, "mentions", ["growers' union"]),
        ("agriculture-ministry", ORG, "mentions", ["Ministry of Agriculture Jihad"]),
    ],
)

# ---- mashhad-metro: first stretch of Mashhad metro line 3, 1-14 September 2026 (no named event)
MURC = "mashhad-urban-railway"
MM = "mashhad-municipality"
s(
    "mashhad-metro-01",
    "mashhad-metro",
    ["abolfazl-razavi"],
    [
        ("abolfazl-razavi", PER, "quoted", ["Seyyed Abolfazl Razavi", "Razavi"]),
        (MM, ORG, "mentions", ["municipality"]),
        ("saeed-tavakoli", PER, "mentions", ["Eng. Saeed Tavakoli"]),
        (MURC, ORG, "about", ["Mashhad Urban Railway Company"]),
    ],
)
s(
    "mashhad-metro-02",
    "mashhad-metro",
    ["saeed-tavakoli", None],
    [
        ("saeed-tavakoli", PER, "quoted", ["Said Tavakoli", "Tavakoli"]),
        (MURC, ORG, "about", ["Mashhad Urban Railway Company"]),
        ("mehr", ORG, "mentions", ["Mehr news agency"]),
        ("ferdowsi-university", ORG, "mentions", ["Ferdowsi University of Mashhad"]),
    ],
)
s(
    "mashhad-metro-03",
    "mashhad-metro",
    ["fatemeh-kashani", "abolfazl-razavi"],
    [
        ("mashhad-city-council", ORG, "about", ["city council of Mashhad"]),
        ("fatemeh-kashani", PER, "quoted", ["Fatemeh Kashani", "Kashani"]),
        (MM, ORG, "mentions", ["municipality"]),
        ("abolfazl-razavi", PER, "quoted", ["Razavi"]),
    ],
)

# ---- zarand-mine: roof collapse in a coal mine near Zarand, Kerman, 6-16 April 2026
MINE = "zarand-mine-collapse-2026"
KCC = "kuhbanan-coal-company"
s(
    "zarand-mine-01",
    "zarand-mine",
    ["zein-ol-abedin-kiani"],
    [
        (MINE, EV, "about", ["roof collapse"]),
        ("ircs", ORG, "about", IRCS),
        ("zein-ol-abedin-kiani", PER, "quoted", ["Zein-ol-Abedin Kiani", "Kiani"]),
        (KCC, ORG, "mentions", ["Kuhbanan Coal Company"]),
    ],
)
s(
    "zarand-mine-02",
    "zarand-mine",
    [GOV, None],
    [
        (MINE, EV, "about", ["roof of the tunnel collapsed"]),
        ("kmu", ORG, "mentions", ["Kerman University of Medical Sciences", "KMU"]),
        (GOV, PER, "quoted", ["Mohammad-Ali Rezaei"]),
        ("hamid-rezaei", PER, "mentions", ["Hamid Rezaei"]),
        (KCC, ORG, "about", ["Kuhbanan Coal Company"]),
    ],
)
s(
    "zarand-mine-03",
    "zarand-mine",
    [KAL],
    [
        (MINE, EV, "about", ["collapsed coal mine near Zarand"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        (KAL, PER, "quoted", ["Mehrdad Kalantari", "Kalantari"]),
        ("kmu", ORG, "mentions", ["Kerman University of Medical Sciences"]),
    ],
)
s(
    "zarand-mine-04",
    "zarand-mine",
    ["jalal-ed-din-mostowfi"],
    [
        (MINE, EV, "about", ["collapse of a coal mine near Zarand", "Zarand mine collapse"]),
        ("industry-ministry", ORG, "about", ["Ministry of Industry, Mine and Trade"]),
        ("jalal-ed-din-mostowfi", PER, "quoted", ["Jalal ed-Din Mostowfi", "Mostowfi"]),
        ("kerman-labour-department", ORG, "mentions", ["provincial labour department"]),
        ("judiciary", ORG, "mentions", ["judiciary"]),
        (KCC, ORG, "mentions", ["Kuhbanan Coal Company"]),
        (
            "imidro",
            ORG,
            "mentions",
            ["Iranian Mines and Mining Industries Development and Renovation Organization", "IMIDRO"],
        ),
    ],
)

# ---- robocup-team: Amirkabir University's Simorgh team at RoboCup 2026 in Incheon, 2-15 July 2026
RC = "robocup-2026"
AUT = "aut"
ESL = "mohammad-taghi-eslami"
s(
    "robocup-team-01",
    "robocup-team",
    [ESL, "sara-ebrahimi-rad"],
    [
        (RC, EV, "about", ["RoboCup world championship", "RoboCup 2026"]),
        (AUT, ORG, "about", ["Amirkabir University of Technology", "AUT"]),
        ("simorgh-team", ORG, "about", ["Simorgh"]),
        (ESL, PER, "quoted", ["Dr. Mohammad-Taghi Eslami", "Eslami"]),
        ("sara-ebrahimi-rad", PER, "quoted", ["Sara Ebrahimi-Rad", "Ebrahimi-Rad"]),
    ],
)
s(
    "robocup-team-02",
    "robocup-team",
    ["sara-ebrahimi-rad", ESL],
    [
        (RC, EV, "about", ["RoboCup world championship"]),
        ("simorgh-team", ORG, "about", ["Simorgh"]),
        (AUT, ORG, "mentions", ["Amirkabir University of Technology"]),
        ("sara-ebrahimi-rad", PER, "quoted", ["Sara Ebrahimi-Rad"]),
        (ESL, PER, "quoted", ["Mohammad Taqi Eslami"]),
    ],
)
s(
    "robocup-team-03",
    "robocup-team",
    ["gholamhossein-navabi", ESL],
    [
        (RC, EV, "about", ["RoboCup 2026"]),
        (AUT, ORG, "about", ["Amirkabir University of Technology", "AUT"]),
        ("gholamhossein-navabi", PER, "quoted", ["Gholam-Hossein Navabi", "Navabi"]),
        ("science-ministry", ORG, "mentions", ["Ministry of Science, Research and Technology"]),
        (ESL, PER, "quoted", ["Dr. Eslami"]),
    ],
)

# ---- stories that belong to no cluster: first those that share a big organization or a busy
# official with a cluster, then those that share nothing named with any story
s(
    "single-damavand-climbers",
    None,
    [KAL],
    [
        ("ircs", ORG, "about", IRCS),
        (KAL, PER, "quoted", ["Mehrdad Kalantari"]),
        ("mountaineering-federation", ORG, "mentions", ["Iran Mountaineering and Sport Climbing Federation"]),
    ],
)
s(
    "single-kerman-water-transfer",
    None,
    [GOV],
    [
        (GOV, PER, "quoted", ["Mohammad Ali Rezaei", "Rezaei"]),
        ("kerman-planning-council", ORG, "mentions", ["provincial planning council"]),
        ("energy-ministry", ORG, "mentions", ["Ministry of Energy"]),
    ],
)
s(
    "single-ifda-cosmetics",
    None,
    ["nooshin-fallahi"],
    [
        (IFDA, ORG, "about", ["Iran Food and Drug Administration", "IFDA"]),
        ("nooshin-fallahi", PER, "quoted", ["Dr. Nooshin Fallahi", "Fallahi"]),
        ("tasnim", ORG, "mentions", ["Tasnim news agency"]),
    ],
)
s(
    "single-ffiri-var",
    None,
    ["nader-safavi"],
    [
        (FF, ORG, "about", ["Football Federation of Iran"]),
        ("persian-gulf-pro-league-2026-27", EV, "mentions", ["Persian Gulf Pro League", "Pro League"]),
        ("nader-safavi", PER, "quoted", ["Nader Safavi", "Safavi"]),
        ("nasser-faraji", PER, "mentions", ["Nasser Faraji"]),
        ("isna", ORG, "mentions", ["ISNA"]),
        ("football-league-organization", ORG, "mentions", ["Iran Football League Organization"]),
    ],
)
s(
    "single-cheetah-census",
    None,
    ["parisa-shahbazi", "morteza-eslamipour"],
    [
        (DOE, ORG, "about", ["Department of Environment", "environment department"]),
        ("parisa-shahbazi", PER, "quoted", ["Dr. Parisa Shahbazi", "Shahbazi"]),
        ("morteza-eslamipour", PER, "quoted", ["Morteza Eslamipour"]),
        ("iranian-cheetah-society", ORG, "mentions", ["Iranian Cheetah Society"]),
    ],
)
s(
    "single-qom-girls-chess",
    None,
    ["setareh-ghorbanpour", "mahdi-khorramian"],
    [
        ("setareh-ghorbanpour", PER, "quoted", ["Setareh Ghorbanpour", "Ghorbanpour"]),
        (
            "girls-chess-championship-2026",
            EV,
            "about",
            ["national girls' under-18 chess championship", "championship"],
        ),
        ("chess-federation", ORG, "mentions", ["Chess Federation of Iran"]),
        ("mahdi-khorramian", PER, "quoted", ["Mahdi Khorramian"]),
        ("asian-youth-chess-championship-2026", EV, "mentions", ["Asian youth championship"]),
    ],
)
s(
    "single-zahedan-bakery",
    None,
    ["khadijeh-shahbakhsh", "parvin-sarani"],
    [
        ("mehr-e-ayandeh", ORG, "about", ["Mehr-e Ayandeh charity"]),
        ("khadijeh-shahbakhsh", PER, "quoted", ["Khadijeh Shahbakhsh"]),
        ("parvin-sarani", PER, "quoted", ["Parvin Sarani", "Sarani"]),
    ],
)
s(
    "single-tehran-taxi-fares",
    None,
    ["majid-alavi-tabar", "roya-farahani"],
    [
        ("tehran-city-council", ORG, "about", ["Tehran City Council"]),
        ("tehran-taxi-organization", ORG, "about", ["Tehran Taxi Organization", "taxi organization"]),
        ("majid-alavi-tabar", PER, "quoted", ["Majid Alavi-Tabar"]),
        ("roya-farahani", PER, "quoted", ["Roya Farahani"]),
    ],
)
s(
    "single-arak-library-centenary",
    None,
    ["homa-dastgheib", "ahmad-tafreshi"],
    [
        ("public-libraries-foundation", ORG, "about", ["Iran Public Libraries Foundation"]),
        ("homa-dastgheib", PER, "quoted", ["Homa Dastgheib"]),
        ("ahmad-tafreshi", PER, "quoted", ["Ahmad Tafreshi"]),
    ],
)
judgments.write()
