"""Writes judgments.jsonl from the editor's judgments below (the checks and the format are in
bench/judgments.py).

    python3 bench/knowledge4/build_judgments.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.judgments import EV, ORG, PER, Judgments

judgments = Judgments(Path(__file__).resolve().parent)
s = judgments.story

IRCS = ["Iranian Red Crescent Society", "IRCS"]
GEO = "geophysics-institute-ut"

# ---- ardabil-quake: magnitude 5.6 earthquake in Meshginshahr county, Ardabil, 3-8 November 2026
QK = "meshginshahr-earthquake-2026"
s(
    "ardabil-quake-01",
    "ardabil-quake",
    ["babak-mahmoudi"],
    [
        (QK, EV, "about", ["earthquake"]),
        (GEO, ORG, "mentions", ["Institute of Geophysics of the University of Tehran"]),
        ("babak-mahmoudi", PER, "quoted", ["Babak Mahmoudi", "Mahmoudi"]),
        ("ircs", ORG, "about", IRCS),
        ("irna", ORG, "mentions", ["IRNA"]),
        ("ardabil-crisis-management", ORG, "mentions", ["provincial crisis management headquarters"]),
        ("rahim-eskandari", PER, "mentions", ["Rahim Eskandari"]),
    ],
)
s(
    "ardabil-quake-02",
    "ardabil-quake",
    ["ali-akbar-soltanpour", "mohammad-reza-farahbod"],
    [
        (QK, EV, "about", ["earthquake in Meshginshahr county", "quake"]),
        ("ali-akbar-soltanpour", PER, "quoted", ["Ali-Akbar Soltanpour", "Soltanpour"]),
        ("mohammad-reza-farahbod", PER, "quoted", ["Dr. Mohammad-Reza Farahbod", "Farahbod"]),
        ("arums", ORG, "mentions", ["Ardabil University of Medical Sciences"]),
        ("ardabil-crisis-management", ORG, "mentions", ["provincial crisis management headquarters"]),
    ],
)
s(
    "ardabil-quake-03",
    "ardabil-quake",
    ["babak-mahmoudi", "parviz-nikkhah"],
    [
        (QK, EV, "about", ["earthquake in Meshginshahr"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent", "IRCS"]),
        ("babak-mahmoudi", PER, "quoted", ["Babak Mahmoudi", "Mahmoudi"]),
        ("parviz-nikkhah", PER, "quoted", ["Parviz Nikkhah", "Nikkhah"]),
        ("housing-foundation", ORG, "mentions", ["Housing Foundation of the Islamic Revolution"]),
        ("ardabil-education-department", ORG, "mentions", ["provincial education department"]),
    ],
)
s(
    "ardabil-quake-04",
    "ardabil-quake",
    ["ali-akbar-soltanpour"],
    [
        (QK, EV, "about", ["earthquake in Meshginshahr county"]),
        ("ali-akbar-soltanpour", PER, "quoted", ["Ali Akbar Soltanpour", "Soltanpour"]),
        ("rahim-eskandari", PER, "mentions", ["Rahim Eskandari", "Eskandari"]),
        ("ardabil-crisis-management", ORG, "mentions", ["provincial crisis management headquarters"]),
        ("housing-foundation", ORG, "mentions", ["Housing Foundation"]),
        (GEO, ORG, "mentions", ["Institute of Geophysics"]),
    ],
)

# ---- zanjan-water: night-time water cuts in Zanjan, 10-16 August 2026 (no named event)
ABFA = ["provincial water and wastewater company"]
s(
    "zanjan-water-01",
    "zanjan-water",
    ["ghodratollah-bahmani"],
    [
        ("zanjan-abfa", ORG, "about", ABFA),
        ("ghodratollah-bahmani", PER, "quoted", ["Ghodratollah Bahmani", "Bahmani"]),
        ("zanjan-regional-water", ORG, "mentions", ["Zanjan Regional Water Company"]),
    ],
)
Z2 = [
    ("zanjan-abfa", ORG, "about", ABFA),
    ("ircs", ORG, "mentions", ["Iranian Red Crescent Society"]),
    ("farzaneh-rostamkhani", PER, "quoted", ["Farzaneh Rostamkhani"]),
    ("mohsen-afsharpour", PER, "quoted", ["Mohsen Afsharpour", "Afsharpour"]),
    ("irna", ORG, "mentions", ["IRNA"]),
]
s(
    "zanjan-water-02",
    "zanjan-water",
    ["farzaneh-rostamkhani", "mohsen-afsharpour"],
    Z2,
)
s(
    "zanjan-water-02-resent",
    "zanjan-water",
    ["farzaneh-rostamkhani", "mohsen-afsharpour"],
    Z2,
    dup="zanjan-water-02",
)
s(
    "zanjan-water-03",
    "zanjan-water",
    ["hamid-reza-kouhestani", "babak-mahmoudi"],
    [
        ("energy-ministry", ORG, "about", ["Ministry of Energy"]),
        ("hamid-reza-kouhestani", PER, "quoted", ["Hamidreza Kouhestani", "Kouhestani"]),
        ("ghodratollah-bahmani", PER, "mentions", ["Ghodratollah Bahmani"]),
        ("zanjan-abfa", ORG, "mentions", ABFA),
        ("babak-mahmoudi", PER, "quoted", ["Babak Mahmoudi", "Mahmoudi"]),
        ("ircs", ORG, "mentions", ["Red Crescent"]),
    ],
)
s(
    "zanjan-water-04",
    "zanjan-water",
    ["ghodratollah-bahmani"],
    [
        ("zanjan-abfa", ORG, "about", ABFA),
        ("ghodratollah-bahmani", PER, "quoted", ["Qodratollah Bahmani", "Bahmani"]),
        ("irna", ORG, "mentions", ["IRNA"]),
        ("zanjan-regional-water", ORG, "mentions", ["Zanjan Regional Water Company"]),
        ("energy-ministry", ORG, "mentions", ["energy ministry"]),
    ],
)

# ---- arak-wages: unpaid wages at the Sahand Pipe Company, Arak, 17-24 May 2026 (no named event)
COUNCIL = "sahand-pipe-labour-council"
s(
    "arak-wages-01",
    "arak-wages",
    ["naser-alipour"],
    [
        ("sahand-pipe-company", ORG, "about", ["Sahand Pipe Company"]),
        ("irna", ORG, "mentions", ["IRNA"]),
        ("sso", ORG, "mentions", ["Social Security Organization", "SSO"]),
        ("naser-alipour", PER, "quoted", ["Naser Alipour"]),
        (COUNCIL, ORG, "mentions", ["plant's Islamic labour council"]),
        ("masoud-taghavi", PER, "mentions", ["Masoud Taghavi", "Taghavi"]),
        ("markazi-labour-department", ORG, "mentions", ["provincial labour department"]),
    ],
)
s(
    "arak-wages-02",
    "arak-wages",
    ["abbas-heydarzadeh"],
    [
        ("sahand-pipe-company", ORG, "about", ["Sahand Pipe Company", "Sahand Pipe"]),
        ("markazi-governorate", ORG, "mentions", ["governorate of Markazi province"]),
        ("abbas-heydarzadeh", PER, "quoted", ["Abbas Heydarzadeh", "Heydarzadeh"]),
        ("naser-alipour", PER, "mentions", ["Naser Alipour"]),
        ("masoud-taghavi", PER, "mentions", ["Masoud Taghavi"]),
        ("markazi-labour-department", ORG, "mentions", ["provincial labour department"]),
        ("sso", ORG, "mentions", ["SSO"]),
    ],
)
s(
    "arak-wages-03",
    "arak-wages",
    ["davoud-jahangiri", "naser-alipour"],
    [
        ("davoud-jahangiri", PER, "quoted", ["Davoud Jahangiri", "Jahangiri"]),
        ("sahand-pipe-company", ORG, "about", ["Sahand Pipe Company"]),
        ("oil-ministry", ORG, "mentions", ["oil ministry"]),
        ("sso", ORG, "mentions", ["Social Security Organization"]),
        ("naser-alipour", PER, "quoted", ["Naser Alipour", "Alipour"]),
        (COUNCIL, ORG, "mentions", ["workers' Islamic labour council"]),
        ("markazi-labour-department", ORG, "mentions", ["provincial labour department"]),
    ],
)
s(
    "arak-wages-04",
    "arak-wages",
    ["abbas-heydarzadeh", "masoud-taghavi"],
    [
        ("sahand-pipe-company", ORG, "about", ["Sahand Pipe Company", "Sahand Pipe"]),
        ("abbas-heydarzadeh", PER, "quoted", ["Abbas Heydarzadeh", "Heydarzadeh"]),
        ("nigc", ORG, "mentions", ["National Iranian Gas Company"]),
        ("davoud-jahangiri", PER, "mentions", ["Jahangiri"]),
        ("masoud-taghavi", PER, "quoted", ["Masoud Taghavi", "Taghavi"]),
        ("markazi-labour-department", ORG, "mentions", ["provincial labour department"]),
        ("naser-alipour", PER, "mentions", ["Naser Alipour"]),
        (COUNCIL, ORG, "mentions", ["workers' council"]),
    ],
)

# ---- yasuj-nomad-schools: tent schools for nomad children, Kohgiluyeh and Boyer-Ahmad,
# 20-27 September 2026 (no named event)
KBED = "kb-education-department"
s(
    "yasuj-nomad-schools-01",
    "yasuj-nomad-schools",
    ["hassan-kazemi"],
    [
        ("hassan-kazemi", PER, "quoted", ["Hassan Kazemi", "Kazemi"]),
        (KBED, ORG, "mentions", ["provincial education department"]),
        ("nomadic-affairs", ORG, "about", ["Nomadic Affairs Organization"]),
    ],
)
s(
    "yasuj-nomad-schools-02",
    "yasuj-nomad-schools",
    ["fereydoun-jamshidi", "golnaz-bakhtiarvand"],
    [
        ("ikrf", ORG, "about", ["Imam Khomeini Relief Foundation", "IKRF"]),
        ("fereydoun-jamshidi", PER, "quoted", ["Fereydoun Jamshidi", "Jamshidi"]),
        ("hassan-kazemi", PER, "mentions", ["Hassan Kazemi"]),
        (KBED, ORG, "mentions", ["provincial education department"]),
        ("golnaz-bakhtiarvand", PER, "quoted", ["Golnaz Bakhtiarvand", "Bakhtiarvand"]),
    ],
)
s(
    "yasuj-nomad-schools-03",
    "yasuj-nomad-schools",
    ["zahra-mirbagheri"],
    [
        ("zahra-mirbagheri", PER, "quoted", ["Zahra Mirbagheri", "Mirbagheri"]),
        ("golnaz-bakhtiarvand", PER, "mentions", ["Golnaz Bakhtiarvand"]),
        ("hassan-kazemi", PER, "mentions", ["Hassan Kazemi"]),
        ("education-ministry", ORG, "mentions", ["Ministry of Education"]),
        ("nomadic-affairs", ORG, "mentions", ["Nomadic Affairs Organization"]),
    ],
)
s(
    "yasuj-nomad-schools-04",
    "yasuj-nomad-schools",
    ["hassan-kazemi", "golnaz-bakhtiarvand"],
    [
        (KBED, ORG, "about", ["provincial education department"]),
        ("hassan-kazemi", PER, "quoted", ["Hassan Kazemi", "Kazemi"]),
        ("golnaz-bakhtiarvand", PER, "quoted", ["Golnaz Bakhtiarvand"]),
        ("nomadic-affairs", ORG, "mentions", ["Nomadic Affairs Organization"]),
    ],
)

# ---- qazvin-trial: trial of the Alvand credit cooperative's former head, 7-30 June 2026
TR = "alvand-cooperative-trial-2026"
s(
    "qazvin-trial-01",
    "qazvin-trial",
    ["saeed-mahmoodi"],
    [
        (TR, EV, "about", ["trial"]),
        ("alvand-credit-cooperative", ORG, "about", ["Alvand credit cooperative"]),
        ("judiciary", ORG, "mentions", ["judiciary", "Qazvin province judiciary"]),
        ("mizan", ORG, "mentions", ["Mizan"]),
        ("kioumars-nazemi", PER, "about", ["Kioumars Nazemi"]),
        ("saeed-mahmoodi", PER, "quoted", ["Saeed Mahmoodi", "Mahmoodi"]),
        ("cbi", ORG, "mentions", ["Central Bank of Iran", "CBI"]),
        ("mohsen-asgarzadeh", PER, "mentions", ["Hojatoleslam Mohsen Asgarzadeh"]),
    ],
)
s(
    "qazvin-trial-02",
    "qazvin-trial",
    ["kioumars-nazemi", "saeed-mahmoodi"],
    [
        ("kioumars-nazemi", PER, "quoted", ["Kiumars Nazemi", "Nazemi"]),
        ("alvand-credit-cooperative", ORG, "about", ["Alvand credit cooperative"]),
        ("mizan", ORG, "mentions", ["Mizan"]),
        ("shahla-karamlou", PER, "mentions", ["Shahla Karamlou"]),
        ("qazvin-cooperatives-department", ORG, "mentions", ["provincial cooperatives department"]),
        ("saeed-mahmoodi", PER, "quoted", ["Saeed Mahmoodi", "Mahmoodi"]),
    ],
)
s(
    "qazvin-trial-03",
    "qazvin-trial",
    [None, "mohsen-asgarzadeh"],
    [
        (TR, EV, "about", ["trial"]),
        ("alvand-credit-cooperative", ORG, "about", ["Alvand credit cooperative"]),
        ("kioumars-nazemi", PER, "mentions", ["Kioumars Nazemi"]),
        ("judiciary", ORG, "mentions", ["judiciary"]),
        ("mohsen-asgarzadeh", PER, "quoted", ["Mohsen Asgarzadeh", "Asgarzadeh"]),
        ("shahla-karamlou", PER, "mentions", ["Shahla Karamlou"]),
    ],
)
s(
    "qazvin-trial-04",
    "qazvin-trial",
    ["mohsen-asgarzadeh"],
    [
        ("kioumars-nazemi", PER, "about", ["Kioumars Nazemi", "Nazemi"]),
        ("alvand-credit-cooperative", ORG, "mentions", ["Alvand credit cooperative"]),
        ("judiciary", ORG, "mentions", ["judiciary", "Qazvin province judiciary"]),
        ("mohsen-asgarzadeh", PER, "quoted", ["Hojatoleslam Asgarzadeh", "Mohsen Asgarzadeh"]),
        ("saeed-mahmoodi", PER, "mentions", ["Saeed Mahmoodi"]),
        ("shahla-karamlou", PER, "mentions", ["Shahla Karamlou"]),
        ("cbi", ORG, "mentions", ["Central Bank of Iran"]),
        ("qazvin-cooperatives-department", ORG, "mentions", ["provincial cooperatives department"]),
    ],
)

# ---- hamedan-takhti-cup: Takhti Cup freestyle wrestling tournament, Hamedan, 4-8 February 2026
TC = "takhti-cup-2026"
ASIAN = "asian-wrestling-championships-2026"
WF = "wrestling-federation"
s(
    "hamedan-takhti-cup-01",
    "hamedan-takhti-cup",
    ["touraj-karimkhani"],
    [
        (TC, EV, "about", ["Takhti Cup"]),
        ("touraj-karimkhani", PER, "quoted", ["Touraj Karimkhani", "Karimkhani"]),
        ("uww", ORG, "mentions", ["United World Wrestling", "UWW"]),
        (WF, ORG, "mentions", ["Wrestling Federation of Iran"]),
        ("behzad-nikzad", PER, "mentions", ["Behzad Nikzad"]),
        (ASIAN, EV, "mentions", ["Asian championships"]),
        ("gholamreza-takhti", PER, "mentions", ["Gholamreza Takhti"]),
        ("hamedan-sports-department", ORG, "mentions", ["provincial sports and youth department"]),
    ],
)
s(
    "hamedan-takhti-cup-02",
    "hamedan-takhti-cup",
    ["arsalan-darvishi", "behzad-nikzad"],
    [
        (TC, EV, "about", ["Takhti Cup"]),
        ("arsalan-darvishi", PER, "quoted", ["Arsalan Darvishi", "Darvishi"]),
        ("giorgi-tsiklauri", PER, "mentions", ["Giorgi Tsiklauri"]),
        ("behzad-nikzad", PER, "quoted", ["Behzad Nikzad", "Nikzad"]),
        (ASIAN, EV, "mentions", ["Asian championships"]),
        (WF, ORG, "mentions", ["Wrestling Federation of Iran"]),
    ],
)
s(
    "hamedan-takhti-cup-03",
    "hamedan-takhti-cup",
    ["touraj-karimkhani"],
    [
        (TC, EV, "about", ["Takhti Cup"]),
        ("touraj-karimkhani", PER, "quoted", ["Tooraj Karimkhani", "Karimkhani"]),
        ("uww", ORG, "mentions", ["United World Wrestling"]),
        ("behzad-nikzad", PER, "mentions", ["Behzad Nikzad"]),
        (ASIAN, EV, "mentions", ["Asian championships"]),
        ("arsalan-darvishi", PER, "mentions", ["Arsalan Darvishi"]),
        (WF, ORG, "mentions", ["Wrestling Federation of Iran"]),
    ],
)
s(
    "hamedan-takhti-cup-04",
    "hamedan-takhti-cup",
    ["arsalan-darvishi"],
    [
        (TC, EV, "about", ["Takhti Cup"]),
        ("gholamreza-takhti", PER, "mentions", ["Gholamreza Takhti", "Takhti"]),
        ("mahak", ORG, "mentions", ["MAHAK"]),
        (WF, ORG, "mentions", ["Wrestling Federation of Iran"]),
        ("arsalan-darvishi", PER, "quoted", ["Arsalan Darvishi", "Darvishi"]),
        (ASIAN, EV, "mentions", ["Asian championships"]),
        ("behzad-nikzad", PER, "mentions", ["Behzad Nikzad"]),
        ("touraj-karimkhani", PER, "mentions", ["Karimkhani"]),
    ],
)

# ---- birjand-manuscripts: "Words of the Desert" exhibition of restored manuscripts, Birjand,
# 18-25 October 2026 (the quoted title is not a quote)
MX = "birjand-manuscripts-exhibition-2026"
NLAI = "nlai"
s(
    "birjand-manuscripts-01",
    "birjand-manuscripts",
    [None, "farzad-mirlohi", None],
    [
        (MX, EV, "about", ["Words of the Desert", "exhibition"]),
        (NLAI, ORG, "about", ["National Library and Archives of Iran", "NLAI"]),
        ("farzad-mirlohi", PER, "quoted", ["Dr. Farzad Mirlohi", "Mirlohi"]),
        ("ibn-hesam-khusfi", PER, "mentions", ["Ibn Hesam Khusfi"]),
        ("university-of-birjand", ORG, "mentions", ["University of Birjand"]),
        ("south-khorasan-heritage", ORG, "mentions", ["provincial cultural heritage department"]),
    ],
)
s(
    "birjand-manuscripts-02",
    "birjand-manuscripts",
    [None, "roya-elmi"],
    [
        (MX, EV, "about", ["Words of the Desert", "exhibition"]),
        ("roya-elmi", PER, "quoted", ["Roya Elmi", "Elmi"]),
        (NLAI, ORG, "mentions", ["NLAI", "National Library and Archives of Iran"]),
        ("farzad-mirlohi", PER, "mentions", ["Dr. Farzad Mirlohi"]),
        ("university-of-birjand", ORG, "mentions", ["University of Birjand"]),
        ("mojtaba-sarabandi", PER, "mentions", ["Mojtaba Sarabandi"]),
    ],
)
s(
    "birjand-manuscripts-03",
    "birjand-manuscripts",
    [None, "mojtaba-sarabandi"],
    [
        (MX, EV, "about", ["Words of the Desert", "exhibition"]),
        ("university-of-birjand", ORG, "about", ["University of Birjand"]),
        ("mojtaba-sarabandi", PER, "quoted", ["Mojtaba Sarabandi", "Sarabandi"]),
        ("ibn-hesam-khusfi", PER, "mentions", ["Ibn Hesam"]),
        ("farzad-mirlohi", PER, "mentions", ["Farzad Mirlohi"]),
        (NLAI, ORG, "mentions", ["National Library and Archives of Iran", "NLAI"]),
        ("south-khorasan-heritage", ORG, "mentions", ["provincial cultural heritage department"]),
    ],
)

# ---- bushehr-dengue: local dengue outbreak in Bushehr, 5-14 July 2026
DG = "bushehr-dengue-outbreak-2026"
s(
    "bushehr-dengue-01",
    "bushehr-dengue",
    ["elham-shojaei"],
    [
        (DG, EV, "about", ["cases of dengue fever"]),
        ("bpums", ORG, "about", ["Bushehr University of Medical Sciences", "BPUMS"]),
        ("elham-shojaei", PER, "quoted", ["Dr. Elham Shojaei", "Shojaei"]),
        ("irna", ORG, "mentions", ["IRNA"]),
        ("bushehr-municipality", ORG, "mentions", ["city's municipality"]),
    ],
)
s(
    "bushehr-dengue-02",
    "bushehr-dengue",
    ["mohammad-reza-farahbod", "yadollah-dashti"],
    [
        (DG, EV, "about", ["outbreak"]),
        ("health-ministry", ORG, "about", ["Ministry of Health"]),
        ("mohammad-reza-farahbod", PER, "quoted", ["Mohammadreza Farahbod", "Farahbod"]),
        ("iran-cdc", ORG, "mentions", ["Center for Communicable Diseases Control"]),
        ("yadollah-dashti", PER, "quoted", ["Yadollah Dashti", "Dashti"]),
        ("bushehr-municipality", ORG, "mentions", ["municipality"]),
        ("elham-shojaei", PER, "mentions", ["Dr. Elham Shojaei"]),
        ("bpums", ORG, "mentions", ["BPUMS"]),
    ],
)
s(
    "bushehr-dengue-03",
    "bushehr-dengue",
    ["elham-shojaei"],
    [
        (DG, EV, "about", ["outbreak"]),
        ("bpums", ORG, "mentions", ["provincial university of medical sciences"]),
        ("elham-shojaei", PER, "quoted", ["Elham Shojaee"]),
        ("ircs", ORG, "mentions", ["Red Crescent"]),
        ("bushehr-municipality", ORG, "mentions", ["municipality"]),
        ("health-ministry", ORG, "mentions", ["Ministry of Health"]),
        ("iran-cdc", ORG, "mentions", ["Center for Communicable Diseases Control"]),
    ],
)
s(
    "bushehr-dengue-04",
    "bushehr-dengue",
    ["elham-shojaei"],
    [
        (DG, EV, "about", ["outbreak"]),
        ("bpums", ORG, "about", ["Bushehr University of Medical Sciences", "BPUMS"]),
        ("elham-shojaei", PER, "quoted", ["Dr. Elham Shojaei"]),
        ("mohammad-reza-farahbod", PER, "mentions", ["Mohammad-Reza Farahbod"]),
        ("who", ORG, "mentions", ["World Health Organization"]),
        ("bushehr-municipality", ORG, "mentions", ["city's municipality"]),
    ],
)

# ---- semnan-derailment: night train Mashhad-Tehran derails near Semnan, 8-12 December 2026
DR = "semnan-derailment-2026"
s(
    "semnan-derailment-01",
    "semnan-derailment",
    ["babak-mahmoudi"],
    [
        (DR, EV, "about", ["accident"]),
        ("rai", ORG, "about", ["Islamic Republic of Iran Railways", "RAI"]),
        ("babak-mahmoudi", PER, "quoted", ["Babak Mahmoudi"]),
        ("ircs", ORG, "mentions", ["Iranian Red Crescent Society"]),
        ("irna", ORG, "mentions", ["IRNA"]),
        ("semnan-ums", ORG, "mentions", ["Semnan University of Medical Sciences"]),
    ],
)
s(
    "semnan-derailment-02",
    "semnan-derailment",
    ["hossein-kazemi", "majid-rahnama"],
    [
        (DR, EV, "about", ["derailment"]),
        ("rai", ORG, "about", ["Islamic Republic of Iran Railways", "RAI"]),
        ("hossein-kazemi", PER, "quoted", ["Hossein Kazemi", "Kazemi"]),
        ("ehsan-golmohammadi", PER, "mentions", ["Ehsan Golmohammadi"]),
        ("roads-ministry", ORG, "mentions", ["Ministry of Roads and Urban Development"]),
        ("majid-rahnama", PER, "quoted", ["Majid Rahnama", "Rahnama"]),
    ],
)
s(
    "semnan-derailment-03",
    "semnan-derailment",
    ["hossein-kazemi"],
    [
        (DR, EV, "about", ["five carriages of a night train came off the rails"]),
        ("rai", ORG, "mentions", ["Islamic Republic of Iran Railways"]),
        ("hossein-kazemi", PER, "quoted", ["Hossein Kazemi", "Kazemi"]),
        ("semnan-ums", ORG, "mentions", ["Semnan University of Medical Sciences"]),
        ("farzaneh-sharifi", PER, "mentions", ["Farzaneh Sharifi"]),
    ],
)
s(
    "semnan-derailment-04",
    "semnan-derailment",
    ["zahra-forouzesh", "zahra-forouzesh"],
    [
        (DR, EV, "about", ["Semnan derailment", "accident"]),
        ("zahra-forouzesh", PER, "quoted", ["Zahra Forouzesh", "Forouzesh"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("rai", ORG, "mentions", ["railways"]),
    ],
)

# ---- bojnurd-railway: first passenger trains on the Jajarm-Bojnurd line, 1-8 March 2026
RL = "bojnurd-railway-opening-2026"
s(
    "bojnurd-railway-01",
    "bojnurd-railway",
    ["hossein-kazemi", "reza-hashemnejad"],
    [
        (RL, EV, "about", ["line from Jajarm is opened"]),
        ("rai", ORG, "about", ["Islamic Republic of Iran Railways", "RAI"]),
        ("hossein-kazemi", PER, "quoted", ["Hossein Kazemi", "Kazemi"]),
        ("irna", ORG, "mentions", ["IRNA"]),
        (
            "cdtic",
            ORG,
            "mentions",
            ["Construction and Development of Transportation Infrastructures Company", "CDTIC"],
        ),
        ("reza-hashemnejad", PER, "quoted", ["Reza Hashemnejad", "Hashemnejad"]),
    ],
)
s(
    "bojnurd-railway-02",
    "bojnurd-railway",
    ["farzaneh-sharifi"],
    [
        (RL, EV, "about", ["opening ceremony"]),
        ("farzaneh-sharifi", PER, "quoted", ["Farzaneh Sharifi", "Sharifi"]),
        ("sohrab-khodaverdi", PER, "mentions", ["Sohrab Khodaverdi", "Khodaverdi"]),
        ("hossein-kazemi", PER, "mentions", ["Hossein Kazemi"]),
        ("rai", ORG, "mentions", ["Islamic Republic of Iran Railways"]),
    ],
)
s(
    "bojnurd-railway-03",
    "bojnurd-railway",
    ["hossein-kazemi", "mahdieh-rostami"],
    [
        ("rai", ORG, "about", ["Islamic Republic of Iran Railways", "RAI"]),
        ("hossein-kazemi", PER, "quoted", ["Kazemi"]),
        ("mahdieh-rostami", PER, "quoted", ["Mahdieh Rostami", "Rostami"]),
        ("sohrab-khodaverdi", PER, "mentions", ["Sohrab Khodaverdi"]),
    ],
)

# ---- singletons
s(
    "single-ndmo-annual-report",
    None,
    ["javad-khoshnevis"],
    [
        ("ndmo", ORG, "about", ["National Disaster Management Organization", "NDMO"]),
        ("javad-khoshnevis", PER, "quoted", ["Javad Khoshnevis", "Khoshnevis"]),
        ("ircs", ORG, "mentions", ["Iranian Red Crescent Society"]),
        ("babak-mahmoudi", PER, "mentions", ["Babak Mahmoudi"]),
        ("housing-foundation", ORG, "mentions", ["Housing Foundation"]),
        ("frwo", ORG, "mentions", ["Forests, Rangelands and Watershed Management Organization"]),
        ("irimo", ORG, "mentions", ["Iranian Meteorological Organization"]),
        (QK, EV, "mentions", ["earthquake in Ardabil province"]),
        (DR, EV, "mentions", ["train derailment in Semnan province"]),
        ("rai", ORG, "mentions", ["Islamic Republic of Iran Railways"]),
        ("energy-ministry", ORG, "mentions", ["Ministry of Energy"]),
        ("majlis", ORG, "mentions", ["parliament"]),
    ],
)
s(
    "single-ferdows-tremor",
    None,
    ["alireza-nakhaei", "morteza-hashemi"],
    [
        (GEO, ORG, "mentions", ["Institute of Geophysics of the University of Tehran"]),
        ("alireza-nakhaei", PER, "quoted", ["Alireza Nakhaei"]),
        ("ircs", ORG, "mentions", ["Iranian Red Crescent Society"]),
        ("irna", ORG, "mentions", ["IRNA"]),
        ("ferdows-earthquake-1968", EV, "mentions", ["earthquake of 1968"]),
        ("morteza-hashemi", PER, "quoted", ["Morteza Hashemi", "Hashemi"]),
    ],
)
s(
    "single-hamedan-water",
    None,
    ["hossein-bahmani"],
    [
        (
            "hamedan-abfa",
            ORG,
            "about",
            ["Hamedan Water and Wastewater Company", "provincial water and wastewater company of Hamedan"],
        ),
        ("hossein-bahmani", PER, "quoted", ["Hossein Bahmani", "Bahmani"]),
        ("irimo", ORG, "mentions", ["Iranian Meteorological Organization"]),
    ],
)
s(
    "single-who-dengue-report",
    None,
    ["nadia-benali", "mohammad-reza-farahbod"],
    [
        ("who", ORG, "about", ["World Health Organization", "WHO"]),
        ("nadia-benali", PER, "quoted", ["Dr. Nadia Benali"]),
        ("mohammad-reza-farahbod", PER, "quoted", ["Dr. Mohammad-Reza Farahbod", "Farahbod"]),
    ],
)
s(
    "single-karaj-car-fraud",
    None,
    ["hossein-fazeli", "hossein-fazeli"],
    [
        ("hossein-fazeli", PER, "quoted", ["Hossein Fazeli", "Fazeli"]),
        ("fata", ORG, "mentions", ["FATA"]),
    ],
)
s(
    "single-wrestling-coach",
    None,
    ["hamid-shirvani", "ramin-tahmasbi"],
    [
        (WF, ORG, "about", ["Wrestling Federation of Iran"]),
        ("ramin-tahmasbi", PER, "quoted", ["Ramin Tahmasbi", "Tahmasbi"]),
        ("hamid-shirvani", PER, "quoted", ["Hamid Shirvani", "Shirvani"]),
        (ASIAN, EV, "mentions", ["Asian championships"]),
    ],
)
s(
    "single-minimum-wage",
    None,
    ["davoud-jahangiri"],
    [
        ("supreme-labour-council", ORG, "about", ["Supreme Labour Council"]),
        ("davoud-jahangiri", PER, "quoted", ["Davood Jahangiri", "Jahangiri"]),
        ("workers-house", ORG, "mentions", ["Workers' House"]),
        (
            "iccima",
            ORG,
            "mentions",
            ["Iran Chamber of Commerce, Industries, Mines and Agriculture", "ICCIMA"],
        ),
        ("sso", ORG, "mentions", ["Social Security Organization"]),
    ],
)
s(
    "single-sanandaj-schools",
    None,
    ["ebrahim-nasrollahi", "sirvan-rahmani"],
    [
        ("dres", ORG, "about", ["Organization for Development, Renovation and Equipping of Schools", "DRES"]),
        ("kurdistan-education-department", ORG, "mentions", ["provincial education department"]),
        ("ebrahim-nasrollahi", PER, "quoted", ["Ebrahim Nasrollahi"]),
        ("sirvan-rahmani", PER, "quoted", ["Sirvan Rahmani", "Rahmani"]),
    ],
)
s(
    "single-shahrekord-storytelling",
    None,
    ["khadijeh-bakhtiari", "mehdi-sohrabi"],
    [
        ("zagros-storytelling-festival-2026", EV, "about", ["Zagros Storytelling Festival", "festival"]),
        (
            "iidcya",
            ORG,
            "mentions",
            ["Institute for the Intellectual Development of Children and Young Adults"],
        ),
        ("khadijeh-bakhtiari", PER, "quoted", ["Khadijeh Bakhtiari"]),
        ("mehdi-sohrabi", PER, "quoted", ["Mehdi Sohrabi", "Sohrabi"]),
    ],
)
judgments.write()
