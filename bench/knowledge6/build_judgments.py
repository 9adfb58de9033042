"""Writes judgments.jsonl from the editor's judgments below (the checks and the format are in
bench/judgments.py).

    python3 bench/knowledge6/build_judgments.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.judgments import EV, ORG, PER, Judgments

judgments = Judgments(Path(__file__).resolve().parent)
s = judgments.story

EMS = "ems"
MUNI = "sari-municipality"
TSC = "tabarestan-sazeh"

# ---- sari-bridge: a footbridge collapses on Farhang Boulevard, Sari, 14 April-6 May 2026 (no named event)
s(
    "sari-bridge-01",
    "sari-bridge",
    ["fereydoun-gholizadeh"],
    [
        (EMS, ORG, "mentions", ["Emergency Medical Services"]),
        ("kamran-yazdanpanah", PER, "mentions", ["Dr. Kamran Yazdanpanah"]),
        ("imam-khomeini-hospital-sari", ORG, "mentions", ["Imam Khomeini hospital"]),
        ("fereydoun-gholizadeh", PER, "quoted", ["Fereydoun Gholizadeh"]),
        (MUNI, ORG, "about", ["Sari Municipality", "municipality"]),
        (TSC, ORG, "mentions", ["Tabarestan Sazeh Company"]),
    ],
)
s(
    "sari-bridge-02",
    "sari-bridge",
    ["mahmoud-hosseinpour", "mohammad-sadegh-ahangari"],
    [
        ("mahmoud-hosseinpour", PER, "quoted", ["Mahmoud Hosseinpour"]),
        ("mohammad-sadegh-ahangari", PER, "quoted", ["Mohammad Sadegh Ahangari"]),
        (MUNI, ORG, "mentions", ["municipality"]),
        ("mazums", ORG, "mentions", ["Mazandaran University of Medical Sciences"]),
    ],
)
s(
    "sari-bridge-03",
    "sari-bridge",
    ["shirin-banihashemi"],
    [
        ("shirin-banihashemi", PER, "quoted", ["Eng. Shirin Banihashemi"]),
        ("construction-engineering-organization", ORG, "about", ["Construction Engineering Organization"]),
        ("fereydoun-gholizadeh", PER, "mentions", ["Fereydoon Qolizadeh"]),
        (MUNI, ORG, "mentions", ["municipality"]),
    ],
)
s(
    "sari-bridge-04",
    "sari-bridge",
    ["mohammad-sadegh-ahangari"],
    [
        ("judiciary", ORG, "about", ["judiciary"]),
        ("mohammad-sadegh-ahangari", PER, "quoted", ["Mohammad-Sadegh Ahangari", "Ahangari"]),
        (TSC, ORG, "mentions", ["Tabarestan Sazeh"]),
        (MUNI, ORG, "mentions", ["municipality"]),
    ],
)

# ---- rasht-rice: Gilan rice farmers and the guaranteed paddy price, 18 August-2 September 2026
GILAN_AJ = "gilan-agriculture-jihad"
s(
    "rasht-rice-01",
    "rasht-rice",
    [None, "mir-jalal-ebrahimi"],
    [
        ("gtc", ORG, "about", ["Government Trading Corporation of Iran", "GTC"]),
        ("irna", ORG, "mentions", ["IRNA"]),
        ("mir-jalal-ebrahimi", PER, "quoted", ["Mir-Jalal Ebrahimi"]),
        (GILAN_AJ, ORG, "mentions", ["provincial agriculture jihad organisation"]),
    ],
)
s(
    "rasht-rice-02",
    "rasht-rice",
    ["gholam-hossein-nikbakht"],
    [
        ("gholam-hossein-nikbakht", PER, "quoted", ["Gholam-Hossein Nikbakht", "Nikbakht"]),
        ("rrii", ORG, "mentions", ["Rice Research Institute of Iran"]),
        ("gtc", ORG, "mentions", ["GTC"]),
        ("mir-jalal-ebrahimi", PER, "mentions", ["Ebrahimi"]),
    ],
)
s(
    "rasht-rice-03",
    "rasht-rice",
    [None],
    [
        ("agriculture-ministry", ORG, "about", ["Ministry of Agriculture Jihad"]),
        ("mir-jalal-ebrahimi", PER, "mentions", ["Mir Jalal Ebrahimi"]),
        (GILAN_AJ, ORG, "mentions", ["Gilan agriculture jihad organisation"]),
        ("gtc", ORG, "mentions", ["Government Trading Corporation"]),
    ],
)

# ---- sanandaj-dorm: carbon monoxide deaths in a University of Kurdistan dormitory, 7-16 December 2026
UOK = ["University of Kurdistan"]
GAS = "kurdistan-gas-company"
s(
    "sanandaj-dorm-01",
    "sanandaj-dorm",
    ["kaveh-ardalan"],
    [
        ("university-of-kurdistan", ORG, "about", UOK),
        ("kaveh-ardalan", PER, "quoted", ["Dr. Kaveh Ardalan", "Ardalan"]),
        ("tohid-hospital", ORG, "mentions", ["Tohid hospital"]),
        ("muk", ORG, "mentions", ["Kurdistan University of Medical Sciences"]),
    ],
)
s(
    "sanandaj-dorm-02",
    "sanandaj-dorm",
    ["ali-asghar-mousavinia"],
    [
        ("ali-asghar-mousavinia", PER, "quoted", ["Dr. Ali-Asghar Mousavinia"]),
        ("student-welfare-fund", ORG, "mentions", ["Student Welfare Fund"]),
        (GAS, ORG, "mentions", ["Kurdistan Province Gas Company"]),
    ],
)
s(
    "sanandaj-dorm-03",
    "sanandaj-dorm",
    ["parvaneh-soltani-nezhad"],
    [
        (GAS, ORG, "about", ["Kurdistan Province Gas Company", "provincial gas company"]),
        ("university-of-kurdistan", ORG, "mentions", UOK),
        ("parvaneh-soltani-nezhad", PER, "quoted", ["Eng. Parvaneh Soltani-Nezhad"]),
        ("kaveh-ardalan", PER, "mentions", ["Dr. Ardalan"]),
    ],
)
s(
    "sanandaj-dorm-04",
    "sanandaj-dorm",
    ["kaveh-ardalan"],
    [
        ("university-of-kurdistan", ORG, "about", UOK),
        ("kaveh-ardalan", PER, "quoted", ["Kaveh Ardalan", "Ardalan"]),
        ("msrt", ORG, "mentions", ["Ministry of Science"]),
        ("ali-asghar-mousavinia", PER, "mentions", ["Ali Asghar Musavinia"]),
        ("sheida-moradi", PER, "mentions", ["Dr. Sheida Moradi"]),
    ],
)

# ---- qeshm-oil: a tanker's oily ballast reaches the Hara mangroves of Qeshm, 3-30 June 2026
DOE = ["Department of Environment", "DOE"]
PMO = ["Ports and Maritime Organization", "PMO"]
s(
    "qeshm-oil-01",
    "qeshm-oil",
    ["marjan-shahrokhi", None],
    [
        ("doe", ORG, "about", DOE),
        ("pmo", ORG, "mentions", PMO),
        ("marjan-shahrokhi", PER, "quoted", ["Dr. Marjan Shahrokhi"]),
    ],
)
s(
    "qeshm-oil-02",
    "qeshm-oil",
    ["nader-safarzadeh"],
    [
        ("pmo", ORG, "about", PMO),
        ("nader-safarzadeh", PER, "quoted", ["Nader Safarzadeh", "Safarzadeh"]),
        ("imo", ORG, "mentions", ["International Maritime Organization"]),
        ("qeshm-free-zone", ORG, "mentions", ["Qeshm Free Zone Organization"]),
    ],
)
s(
    "qeshm-oil-03",
    "qeshm-oil",
    ["leila-bandari"],
    [
        ("university-of-hormozgan", ORG, "mentions", ["University of Hormozgan"]),
        ("leila-bandari", PER, "quoted", ["Dr. Leila Bandari"]),
        ("doe", ORG, "mentions", ["Department of Environment"]),
        ("marjan-shahrokhi", PER, "mentions", ["Shahrokhi"]),
    ],
)
s(
    "qeshm-oil-04",
    "qeshm-oil",
    ["nader-safarzadeh"],
    [
        ("pmo", ORG, "about", PMO),
        ("nader-safarzadeh", PER, "quoted", ["Nader Safarzadeh"]),
        ("doe", ORG, "mentions", ["DOE", "environment department"]),
        ("marjan-shahrokhi", PER, "mentions", ["Marjan Shahrokhi"]),
    ],
)

# ---- urmia-volleyball: the men's volleyball Super League final, 2-13 March 2026
LEAGUE = "volleyball-super-league-2025-26"
URMIA = ("shahrdari-urmia", ORG, "about", ["Shahrdari Urmia"])
s(
    "urmia-volleyball-01",
    "urmia-volleyball",
    ["mehrdad-zare"],
    [
        (LEAGUE, EV, "about", ["Super League"]),
        URMIA,
        ("paykan", ORG, "mentions", ["Paykan"]),
        ("foolad-sirjan", ORG, "about", ["Foolad Sirjan"]),
        ("mehrdad-zare", PER, "quoted", ["Mehrdad Zare"]),
        ("sepahan", ORG, "mentions", ["Sepahan"]),
        ("mehran-zarei", PER, "mentions", ["Mehran Zarei"]),
        ("volleyball-federation", ORG, "mentions", ["Volleyball Federation of Iran"]),
    ],
)
s(
    "urmia-volleyball-02",
    "urmia-volleyball",
    ["mehran-zarei"],
    [
        (LEAGUE, EV, "about", ["Super League"]),
        ("foolad-sirjan", ORG, "about", ["Foolad Sirjan", "Foolad"]),
        URMIA,
        ("amir-abbas-hejazi", PER, "mentions", ["Amir-Abbas Hejazi"]),
        ("mehran-zarei", PER, "quoted", ["Mehran Zarei"]),
        ("mehrdad-zare", PER, "mentions", ["Zare"]),
    ],
)
s(
    "urmia-volleyball-03",
    "urmia-volleyball",
    ["hadi-kalantari", "mehrdad-zare"],
    [
        (LEAGUE, EV, "about", ["Super League"]),
        URMIA,
        ("foolad-sirjan", ORG, "mentions", ["Foolad Sirjan"]),
        ("hadi-kalantari", PER, "quoted", ["Hadi Kalantari", "Kalantari"]),
        ("mehrdad-zare", PER, "quoted", ["Mehrdad Zare"]),
        ("asian-club-volleyball-championship-2026", EV, "mentions", ["Asian club championship"]),
    ],
)

# ---- saravan-locusts: desert locust swarms in Sistan and Baluchestan, 11 February-24 March 2026
PPO = "ppo"
GOV_SB = "abdolkarim-narouei"
s(
    "saravan-locusts-01",
    "saravan-locusts",
    ["abdol-majid-rahnama"],
    [
        (PPO, ORG, "about", ["Plant Protection Organization", "PPO"]),
        ("abdol-majid-rahnama", PER, "quoted", ["Eng. Abdol-Majid Rahnama", "Rahnama"]),
        ("fao", ORG, "mentions", ["Food and Agriculture Organization", "FAO"]),
    ],
)
s(
    "saravan-locusts-02",
    "saravan-locusts",
    [GOV_SB],
    [
        (GOV_SB, PER, "quoted", ["Hojatoleslam Abdolkarim Narouei"]),
        (PPO, ORG, "mentions", ["PPO"]),
        ("abdol-majid-rahnama", PER, "mentions", ["Abdolmajid Rahnama"]),
        ("agriculture-ministry", ORG, "mentions", ["Ministry of Agriculture Jihad"]),
    ],
)
s(
    "saravan-locusts-03",
    "saravan-locusts",
    ["abdol-majid-rahnama", None],
    [
        ("abdol-majid-rahnama", PER, "quoted", ["Rahnama"]),
        (PPO, ORG, "about", ["Plant Protection Organization"]),
        (GOV_SB, PER, "mentions", ["Narouei"]),
        ("fao", ORG, "mentions", ["Food and Agriculture Organization"]),
    ],
)
s(
    "saravan-locusts-04",
    "saravan-locusts",
    ["abdol-majid-rahnama"],
    [
        (PPO, ORG, "about", ["Plant Protection Organization", "PPO"]),
        ("abdol-majid-rahnama", PER, "quoted", ["Abdol-Majid Rahnama"]),
        ("gholam-hossein-nikbakht", PER, "mentions", ["Gholamhossein Nikbakht"]),
        (GOV_SB, PER, "mentions", ["Abdolkarim Narooei"]),
    ],
)

# ---- neyshabur-attar: the International Attar Congress in Neyshabur, 10-18 April 2026
CONGRESS = "attar-congress-2026"
FUM = ("ferdowsi-university", ORG, "mentions", ["Ferdowsi University of Mashhad"])
s(
    "neyshabur-attar-01",
    "neyshabur-attar",
    ["golnar-moein-zadeh"],
    [
        (CONGRESS, EV, "about", ["International Attar Congress"]),
        ("attar", PER, "mentions", ["Farid ud-Din Attar", "Attar"]),
        ("golnar-moein-zadeh", PER, "quoted", ["Dr. Golnar Moein-Zadeh"]),
        FUM,
        ("mohammad-ali-sadr-e-hashemi", PER, "mentions", ["Prof. Mohammad-Ali Sadr-e Hashemi"]),
        ("culture-ministry", ORG, "mentions", ["Ministry of Culture and Islamic Guidance"]),
    ],
)
s(
    "neyshabur-attar-02",
    "neyshabur-attar",
    ["dilnoza-karimova", "dilnoza-karimova"],
    [
        (CONGRESS, EV, "mentions", ["International Attar Congress", "congress"]),
        ("dilnoza-karimova", PER, "quoted", ["Dilnoza Karimova", "Karimova"]),
        ("attar", PER, "about", ["Attar"]),
    ],
)
s(
    "neyshabur-attar-03",
    "neyshabur-attar",
    ["reza-mir-lohi"],
    [
        (CONGRESS, EV, "about", ["International Attar Congress"]),
        ("sahar-rezaee", PER, "mentions", ["Sahar Rezaee"]),
        ("jalal-ed-din-amiri", PER, "mentions", ["Jalal ed-Din Amiri"]),
        ("attar", PER, "mentions", ["Attar"]),
        ("reza-mir-lohi", PER, "quoted", ["Seyed Reza Mir-Lohi"]),
        ("golnar-moein-zadeh", PER, "mentions", ["Dr. Moeinzadeh"]),
        FUM,
    ],
)

# ---- ahvaz-power: rolling power cuts in Khuzestan during a heatwave, 20-27 July 2026
KEDC = "khuzestan-electricity-distribution"
s(
    "ahvaz-power-01",
    "ahvaz-power",
    ["hamid-kiani-rad", None],
    [
        (
            KEDC,
            ORG,
            "about",
            ["Khuzestan Electricity Distribution Company", "provincial electricity distribution company"],
        ),
        ("hamid-kiani-rad", PER, "quoted", ["Eng. Hamid Kiani-Rad"]),
        ("irimo", ORG, "mentions", ["Iranian Meteorological Organization"]),
    ],
)
s(
    "ahvaz-power-02",
    "ahvaz-power",
    ["mojtaba-rahimi-moghaddam"],
    [
        ("mojtaba-rahimi-moghaddam", PER, "quoted", ["Mojtaba Rahimi-Moghaddam", "Rahimi-Moghaddam"]),
        ("qasem-sharafi", PER, "mentions", ["Qasem Sharafi"]),
        ("tavanir", ORG, "mentions", ["Tavanir"]),
    ],
)
s(
    "ahvaz-power-03",
    "ahvaz-power",
    ["arash-behboudi"],
    [
        ("tavanir", ORG, "about", ["Tavanir"]),
        ("arash-behboudi", PER, "quoted", ["Arash Behboudi"]),
        ("qasem-sharafi", PER, "mentions", ["Ghasem Sharafi"]),
        ("hamid-kiani-rad", PER, "mentions", ["Kiani-Rad"]),
    ],
)
s(
    "ahvaz-power-04",
    "ahvaz-power",
    ["hamid-kiani-rad"],
    [
        (KEDC, ORG, "about", ["Khuzestan Electricity Distribution Company"]),
        ("hamid-kiani-rad", PER, "quoted", ["Hamid Kiani Rad"]),
        ("mojtaba-rahimi-moghaddam", PER, "mentions", ["Rahimi Moghaddam"]),
        ("ahvaz-shopkeepers-union", ORG, "mentions", ["shopkeepers' union of Ahvaz"]),
    ],
)

# ---- torbat-bus: a pilgrim bus overturns near Torbat-e Heydarieh, 22 May-4 June 2026
IRCS = ["Iranian Red Crescent Society", "IRCS"]
RMTO = "rmto"
s(
    "torbat-bus-01",
    "torbat-bus",
    ["mehdi-valipour"],
    [
        ("ircs", ORG, "about", IRCS),
        ("mehdi-valipour", PER, "quoted", ["Dr. Mehdi Valipour", "Valipour"]),
        (EMS, ORG, "mentions", ["Emergency Medical Services"]),
    ],
)
s(
    "torbat-bus-02",
    "torbat-bus",
    ["hossein-farrokhi"],
    [
        ("hossein-farrokhi", PER, "quoted", ["Hossein Farrokhi"]),
        ("tasnim", ORG, "mentions", ["Tasnim news agency"]),
        (RMTO, ORG, "mentions", ["Road Maintenance and Transportation Organization", "RMTO"]),
        (EMS, ORG, "mentions", ["Emergency Medical Services"]),
    ],
)
s(
    "torbat-bus-03",
    "torbat-bus",
    [None],
    [
        ("mehdi-valipour", PER, "mentions", ["Dr. Mahdi Valipour"]),
        ("ircs", ORG, "mentions", ["Red Crescent"]),
        (RMTO, ORG, "mentions", ["RMTO"]),
    ],
)
s(
    "torbat-bus-04",
    "torbat-bus",
    ["dariush-amani"],
    [
        ("judiciary", ORG, "mentions", ["judiciary"]),
        ("hossein-farrokhi", PER, "mentions", ["Farrokhi"]),
        ("dariush-amani", PER, "quoted", ["Dariush Amani"]),
        (RMTO, ORG, "mentions", ["RMTO"]),
    ],
)

# ---- rasht-caviar: a sturgeon poaching ring on the Gilan coast and its trial, 5 October-30 November 2026
FISH = "fisheries"
s(
    "rasht-caviar-01",
    "rasht-caviar",
    ["bahram-golestaneh"],
    [
        (FISH, ORG, "about", ["Iran Fisheries Organization", "Shilat"]),
        ("bahram-golestaneh", PER, "quoted", ["Dr. Bahram Golestaneh", "Golestaneh"]),
        ("doe", ORG, "mentions", ["Department of Environment"]),
    ],
)
s(
    "rasht-caviar-02",
    "rasht-caviar",
    ["leila-farahmand"],
    [
        ("hassan-mostafavi", PER, "mentions", ["Hassan Mostafavi"]),
        ("jamshid-pourbaghi", PER, "about", ["Jamshid Pourbaghi"]),
        ("leila-farahmand", PER, "quoted", ["Leila Farahmand"]),
        (FISH, ORG, "mentions", ["Iran Fisheries Organization"]),
    ],
)
s(
    "rasht-caviar-03",
    "rasht-caviar",
    ["reza-pourbaqi"],
    [
        ("reza-pourbaqi", PER, "quoted", ["Reza Pourbaqi", "Pourbaqi"]),
        ("hassan-mostafavi", PER, "mentions", ["Mostafavi"]),
        ("jamshid-pourbaghi", PER, "mentions", ["Jamshid Pourbaghi"]),
    ],
)
s(
    "rasht-caviar-04",
    "rasht-caviar",
    ["ahmad-mir-emadi"],
    [
        ("judiciary", ORG, "about", ["judiciary"]),
        ("jamshid-pourbaghi", PER, "about", ["Jamshid Pourbaghi"]),
        ("ahmad-mir-emadi", PER, "quoted", ["Hojatoleslam Ahmad Mir-Emadi"]),
        ("leila-farahmand", PER, "mentions", ["Leila Farahmand"]),
        (FISH, ORG, "mentions", ["Fisheries Organization"]),
    ],
)

# ---- rafsanjan-pistachio: a late frost in the pistachio orchards of Kerman, 2-20 April 2026
KERMAN_AJ = "kerman-agriculture-jihad"
AIF = "agricultural-insurance-fund"
s(
    "rafsanjan-pistachio-01",
    "rafsanjan-pistachio",
    ["mohammad-ali-sheikhi", "hamid-reza-ghasemi"],
    [
        ("mohammad-ali-sheikhi", PER, "quoted", ["Eng. Mohammad Ali Sheikhi", "Sheikhi"]),
        (KERMAN_AJ, ORG, "mentions", ["Kerman agriculture jihad organisation"]),
        ("hamid-reza-ghasemi", PER, "quoted", ["Hamid-Reza Ghasemi"]),
    ],
)
s(
    "rafsanjan-pistachio-02",
    "rafsanjan-pistachio",
    ["hossein-rafiei-pour"],
    [
        ("ipa", ORG, "about", ["Iran Pistachio Association", "IPA"]),
        ("hossein-rafiei-pour", PER, "quoted", ["Hossein Rafiei-Pour"]),
        ("vru", ORG, "mentions", ["Vali-e-Asr University of Rafsanjan"]),
        ("zein-ol-abedin-haj-karimi", PER, "mentions", ["Dr. Zein-ol-Abedin Haj-Karimi"]),
        (AIF, ORG, "mentions", ["Agricultural Insurance Fund"]),
    ],
)
s(
    "rafsanjan-pistachio-03",
    "rafsanjan-pistachio",
    ["gholam-hossein-nikbakht"],
    [
        ("gholam-hossein-nikbakht", PER, "quoted", ["Gholam-Hossein Nikbakht", "Nikbakht"]),
        (AIF, ORG, "mentions", ["Agricultural Insurance Fund", "insurance fund"]),
        ("mohammad-ali-sheikhi", PER, "mentions", ["Sheikhi"]),
        ("hamid-reza-ghasemi", PER, "mentions", ["Hamidreza Qasemi"]),
    ],
)

# ---- lengeh-dhow: a fishing dhow capsizes off Bandar Lengeh, 19-28 October 2026
COOP = "lengeh-fishermen-cooperative"
s(
    "lengeh-dhow-01",
    "lengeh-dhow",
    ["abdolrahim-bastaki"],
    [
        ("pmo", ORG, "about", PMO),
        ("abdolrahim-bastaki", PER, "quoted", ["Abdolrahim Bastaki"]),
        (COOP, ORG, "mentions", ["Bandar Lengeh fishermen's cooperative"]),
        ("ircs", ORG, "mentions", ["Iranian Red Crescent"]),
    ],
)
s(
    "lengeh-dhow-02",
    "lengeh-dhow",
    ["mehdi-valipour"],
    [
        ("ircs", ORG, "about", ["Iranian Red Crescent Society"]),
        ("mehdi-valipour", PER, "quoted", ["Mehdi Valipour", "Valipour"]),
        ("iran-navy", ORG, "mentions", ["Islamic Republic of Iran Navy"]),
    ],
)
s(
    "lengeh-dhow-03",
    "lengeh-dhow",
    ["nader-safarzadeh"],
    [
        ("pmo", ORG, "about", PMO),
        ("nader-safarzadeh", PER, "quoted", ["Nader Safarzadeh"]),
        ("abdolrahim-bastaki", PER, "mentions", ["Bastaki"]),
        (COOP, ORG, "mentions", ["fishermen's cooperative"]),
    ],
)
s(
    "lengeh-dhow-04",
    "lengeh-dhow",
    ["ebrahim-darvishi", "ebrahim-darvishi"],
    [
        ("ebrahim-darvishi", PER, "quoted", ["Ebrahim Darvishi", "Darvishi"]),
    ],
)

# ---- singletons
s(
    "single-anzali-waterbirds",
    None,
    ["farhad-mirzaei", "marjan-shahrokhi"],
    [
        ("doe", ORG, "about", DOE),
        ("farhad-mirzaei", PER, "quoted", ["Dr. Farhad Mirzaei"]),
        ("university-of-guilan", ORG, "mentions", ["University of Guilan"]),
        ("marjan-shahrokhi", PER, "quoted", ["Dr. Marjan Shahrokhi"]),
    ],
)
s(
    "single-tavanir-record",
    None,
    ["arash-behboudi", "mojtaba-rahimi-moghaddam"],
    [
        ("tavanir", ORG, "about", ["Tavanir"]),
        ("arash-behboudi", PER, "quoted", ["Arash Behboudi"]),
        ("mojtaba-rahimi-moghaddam", PER, "quoted", ["Mojtaba Rahimi-Moghaddam"]),
    ],
)
s(
    "single-ircs-road-rescue",
    None,
    ["mehdi-valipour"],
    [
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "Red Crescent"]),
        ("mehdi-valipour", PER, "quoted", ["Dr. Mehdi Valipour", "Valipour"]),
    ],
)
s(
    "single-judiciary-briefing",
    None,
    ["hasan-sadeghi-nia"],
    [
        ("judiciary", ORG, "about", ["judiciary"]),
        ("hasan-sadeghi-nia", PER, "quoted", ["Hojatoleslam Hasan Sadeghi-Nia", "Sadeghi-Nia"]),
        (
            "release-headquarters",
            ORG,
            "mentions",
            ["Headquarters for the Release of Non-Intentional Prisoners"],
        ),
    ],
)
s(
    "single-university-rankings",
    None,
    ["ali-asghar-mousavinia"],
    [
        ("msrt", ORG, "about", ["Ministry of Science, Research and Technology"]),
        ("times-higher-education", ORG, "mentions", ["Times Higher Education"]),
        ("university-of-tehran", ORG, "mentions", ["University of Tehran"]),
        ("sharif-university", ORG, "mentions", ["Sharif University of Technology"]),
        ("amirkabir-university", ORG, "mentions", ["Amirkabir University of Technology"]),
        ("ali-asghar-mousavinia", PER, "quoted", ["Ali-Asghar Mousavinia"]),
    ],
)
s(
    "single-ilam-cave-paintings",
    None,
    ["behnaz-kalhor"],
    [
        ("richt", ORG, "about", ["Research Institute of Cultural Heritage and Tourism"]),
        ("behnaz-kalhor", PER, "quoted", ["Dr. Behnaz Kalhor"]),
    ],
)
s(
    "single-yazd-windcatcher",
    None,
    ["roxana-tafti"],
    [
        ("roxana-tafti", PER, "quoted", ["Dr. Roxana Tafti"]),
    ],
)
s(
    "single-zanjan-knives",
    None,
    ["qorbanali-haddadi", "nasrin-zolfaghari"],
    [
        ("zanjan-knife-makers-union", ORG, "about", ["knife-makers' union", "union"]),
        ("qorbanali-haddadi", PER, "quoted", ["Qorbanali Haddadi"]),
        ("nasrin-zolfaghari", PER, "quoted", ["Nasrin Zolfaghari"]),
    ],
)
judgments.write()
