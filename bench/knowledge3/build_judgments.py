"""Writes judgments.jsonl from the editor's judgments below (the checks and the format are in
bench/judgments.py).

    python3 bench/knowledge3/build_judgments.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.judgments import EV, ORG, PER, Judgments

judgments = Judgments(Path(__file__).resolve().parent)
s = judgments.story


# ---- urmia-flamingos: flamingos back on Lake Urmia, 20-27 April 2026 (no named event)
s(
    "urmia-flamingos-01",
    "urmia-flamingos",
    ["hamed-qolizadeh"],
    [
        ("hamed-qolizadeh", PER, "quoted", ["Hamed Qolizadeh", "Qolizadeh"]),
        ("doe", ORG, "about", ["Department of Environment", "DOE"]),
    ],
)
s(
    "urmia-flamingos-02",
    "urmia-flamingos",
    ["navid-khosravi", "navid-khosravi"],
    [
        ("ulrp", ORG, "about", ["Urmia Lake Restoration Program", "ULRP"]),
        ("navid-khosravi", PER, "quoted", ["Navid Khosravi", "Khosravi"]),
        ("hamed-qolizadeh", PER, "mentions", ["Qolizadeh"]),
        ("doe", ORG, "mentions", ["DOE"]),
    ],
)
s(
    "urmia-flamingos-03",
    "urmia-flamingos",
    ["arezoo-pashaei", "hamed-qolizadeh"],
    [
        ("arezoo-pashaei", PER, "quoted", ["Arezoo Pashaei", "Pashaei"]),
        ("hamed-qolizadeh", PER, "quoted", ["Hamed Gholizadeh", "Gholizadeh"]),
        ("doe", ORG, "mentions", ["Department of Environment"]),
    ],
)
s(
    "urmia-flamingos-04",
    "urmia-flamingos",
    ["kaveh-ranjbar"],
    [
        ("kaveh-ranjbar", PER, "quoted", ["Dr. Kaveh Ranjbar", "Ranjbar"]),
        ("urmia-university", ORG, "mentions", ["Urmia University"]),
    ],
)

# ---- bandar-abbas-port-fire: container-yard fire at Shahid Rajaee port, 8-13 June 2026
PF = "shahid-rajaee-port-fire-2026"
s(
    "bandar-abbas-port-fire-01",
    "bandar-abbas-port-fire",
    ["yousef-nourbakhsh"],
    [
        (PF, EV, "about", ["large fire", "fire"]),
        ("yousef-nourbakhsh", PER, "quoted", ["Yousef Nourbakhsh", "Nourbakhsh"]),
        ("pmo", ORG, "mentions", ["Ports and Maritime Organization", "PMO"]),
    ],
)
s(
    "bandar-abbas-port-fire-02",
    "bandar-abbas-port-fire",
    ["majid-ansari"],
    [
        (PF, EV, "about", ["fire"]),
        ("majid-ansari", PER, "quoted", ["Majid Ansari"]),
        ("bandar-abbas-fire-department", ORG, "about", ["Bandar Abbas fire department"]),
        ("leila-kamali", PER, "mentions", ["Dr. Leila Kamali"]),
        ("hormozgan-ums", ORG, "mentions", ["Hormozgan University of Medical Sciences"]),
        ("ircs", ORG, "mentions", ["Iranian Red Crescent Society"]),
    ],
)
s(
    "bandar-abbas-port-fire-03",
    "bandar-abbas-port-fire",
    ["yousef-nourbakhsh", "karim-bahadori"],
    [
        (PF, EV, "about", ["fire"]),
        ("yousef-nourbakhsh", PER, "quoted", ["Yusef Noorbakhsh"]),
        ("karim-bahadori", PER, "quoted", ["Karim Bahadori", "Bahadori"]),
        ("pmo", ORG, "about", ["Ports and Maritime Organization"]),
    ],
)
s(
    "bandar-abbas-port-fire-04",
    "bandar-abbas-port-fire",
    [],
    [
        (PF, EV, "about", ["fire"]),
        ("pmo", ORG, "about", ["Ports and Maritime Organization", "PMO"]),
    ],
)
s(
    "bandar-abbas-port-fire-05",
    "bandar-abbas-port-fire",
    ["javad-kolahdouz"] * 2
    + ["majid-ansari"] * 2
    + ["yousef-nourbakhsh", "javad-kolahdouz", "majid-ansari", "majid-ansari", "javad-kolahdouz"],
    [
        (PF, EV, "about", ["fire"]),
        ("javad-kolahdouz", PER, "quoted", ["Javad Kolahdouz", "Kolahdouz"]),
        ("majid-ansari", PER, "quoted", ["Majid Ansari", "Ansari"]),
        ("bandar-abbas-fire-department", ORG, "about", ["Bandar Abbas fire department"]),
        ("yousef-nourbakhsh", PER, "quoted", ["Yousef Nourbakhsh", "Nourbakhsh"]),
        ("pmo", ORG, "mentions", ["Ports and Maritime Organization"]),
        ("hormozgan-governorate", ORG, "mentions", ["provincial governorate"]),
    ],
)

# ---- kermanshah-eye-camp: IRCS free cataract surgery camp, 14-21 November 2026
EC = "kermanshah-cataract-camp-2026"
s(
    "kermanshah-eye-camp-01",
    "kermanshah-eye-camp",
    ["shirin-moosavi"],
    [
        (EC, EV, "about", ["free cataract surgery camp"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("shirin-moosavi", PER, "quoted", ["Dr. Shirin Moosavi"]),
        ("kermanshah-health-network", ORG, "mentions", ["provincial health network"]),
        ("jamshid-mohebbi", PER, "mentions", ["Jamshid Mohebbi"]),
    ],
)
s(
    "kermanshah-eye-camp-02",
    "kermanshah-eye-camp",
    ["kaka-morad-veisi", "kaka-morad-veisi", "shirin-moosavi"],
    [
        (EC, EV, "about", ["free cataract camp", "Kermanshah camp"]),
        ("kaka-morad-veisi", PER, "quoted", ["Kaka Morad Veisi", "Veisi"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "Red Crescent"]),
        ("shirin-moosavi", PER, "quoted", ["Dr. Shirin Mousavi"]),
    ],
)
s(
    "kermanshah-eye-camp-03",
    "kermanshah-eye-camp",
    ["behnam-zanganeh"],
    [
        ("kums", ORG, "about", ["Kermanshah University of Medical Sciences", "KUMS"]),
        ("imam-reza-hospital-kermanshah", ORG, "about", ["Imam Reza hospital"]),
        ("behnam-zanganeh", PER, "quoted", ["Dr. Behnam Zanganeh", "Zanganeh"]),
        (EC, EV, "mentions", ["free cataract camp"]),
        ("ircs", ORG, "mentions", ["Red Crescent"]),
    ],
)
s(
    "kermanshah-eye-camp-04",
    "kermanshah-eye-camp",
    ["jamshid-mohebbi"],
    [
        (EC, EV, "about", ["free cataract surgery camp", "Kermanshah cataract camp"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS", "Red Crescent"]),
        ("jamshid-mohebbi", PER, "quoted", ["Jamshid Mohebi", "Mohebi"]),
    ],
)

# ---- fajr-music-festival: 41st Fajr International Music Festival, 14-21 February 2026
FM = "fajr-music-festival-2026"
s(
    "fajr-music-festival-01",
    "fajr-music-festival",
    ["ali-asghar-tehrani"],
    [
        (FM, EV, "about", ["41st Fajr International Music Festival", "Fajr International Music Festival"]),
        ("iranian-national-orchestra", ORG, "mentions", ["Iranian National Orchestra"]),
        ("ali-asghar-tehrani", PER, "quoted", ["Ali-Asghar Tehrani", "Tehrani"]),
        ("culture-ministry", ORG, "mentions", ["Ministry of Culture and Islamic Guidance"]),
    ],
)
s(
    "fajr-music-festival-02",
    "fajr-music-festival",
    ["nasser-rigi"],
    [
        (FM, EV, "about", ["Fajr International Music Festival", "Fajr festival"]),
        ("nasser-rigi", PER, "quoted", ["Nasser Rigi", "Rigi"]),
    ],
)
s(
    "fajr-music-festival-03",
    "fajr-music-festival",
    ["anahit-grigoryan"],
    [
        (FM, EV, "about", ["Fajr International Music Festival", "Fajr festival"]),
        ("yerevan-chamber-orchestra", ORG, "about", ["Yerevan Chamber Orchestra"]),
        ("komitas", PER, "mentions", ["Komitas"]),
        ("javier-morales", PER, "mentions", ["Javier Morales"]),
        ("anahit-grigoryan", PER, "quoted", ["Anahit Grigoryan"]),
        ("ali-asghar-tehrani", PER, "mentions", ["Aliasghar Tehrani"]),
    ],
)
s(
    "fajr-music-festival-04",
    "fajr-music-festival",
    [],
    [
        (FM, EV, "about", ["41st Fajr International Music Festival", "Fajr music festival"]),
        ("iranian-national-orchestra", ORG, "mentions", ["Iranian National Orchestra"]),
        ("yerevan-chamber-orchestra", ORG, "mentions", ["Yerevan Chamber Orchestra"]),
        ("sanaz-hatami", PER, "mentions", ["Sanaz Hatami"]),
        ("ali-asghar-tehrani", PER, "mentions", ["Ali-Asghar Tehrani"]),
    ],
)

# ---- zabol-cholera: cholera outbreak in northern Sistan, 10-20 August 2026 (03-resent repeats 03)
CH = "zabol-cholera-outbreak-2026"
s(
    "zabol-cholera-01",
    "zabol-cholera",
    ["abdolhamid-rigi"],
    [
        (CH, EV, "about", ["cholera"]),
        ("abdolhamid-rigi", PER, "quoted", ["Dr. Abdolhamid Rigi", "Rigi"]),
        ("zabol-ums", ORG, "about", ["Zabol University of Medical Sciences"]),
        ("who", ORG, "mentions", ["World Health Organization"]),
    ],
)
s(
    "zabol-cholera-02",
    "zabol-cholera",
    ["farideh-azimi"],
    [
        (CH, EV, "about", ["cholera cases"]),
        ("farideh-azimi", PER, "quoted", ["Dr. Farideh Azimi", "Azimi"]),
        ("amir-al-momenin-hospital-zabol", ORG, "mentions", ["Amir al-Momenin hospital"]),
        ("health-ministry", ORG, "mentions", ["Ministry of Health"]),
        ("who", ORG, "mentions", ["World Health Organization", "WHO"]),
        ("abdolhamid-rigi", PER, "mentions", ["Dr. Abdolhamid Rigi"]),
    ],
)
for f, dup in (("zabol-cholera-03", None), ("zabol-cholera-03-resent", "zabol-cholera-03")):
    s(
        f,
        "zabol-cholera",
        ["gholam-sarani"],
        [
            (CH, EV, "about", ["cholera outbreak"]),
            ("ircs", ORG, "about", ["Iranian Red Crescent Society", "Red Crescent"]),
            ("gholam-sarani", PER, "quoted", ["Gholam Sarani"]),
            ("zabol-water-company", ORG, "mentions", ["provincial water and wastewater company"]),
            ("abdolhamid-rigi", PER, "mentions", ["Dr. Abdol Hamid Rigi"]),
            ("zabol-ums", ORG, "mentions", ["Zabol University of Medical Sciences"]),
        ],
        dup,
    )
s(
    "zabol-cholera-04",
    "zabol-cholera",
    ["farideh-azimi"],
    [
        (CH, EV, "about", ["cholera", "outbreak"]),
        ("farideh-azimi", PER, "quoted", ["Azimi"]),
    ],
)
s(
    "zabol-cholera-05",
    "zabol-cholera",
    ["bibi-gol-naroui", "fatemeh-shahriari"],
    [
        (CH, EV, "about", ["cholera outbreak"]),
        ("bibi-gol-naroui", PER, "quoted", ["Bibi Gol Naroui", "Naroui"]),
        ("zabol-ums", ORG, "mentions", ["Zabol University of Medical Sciences"]),
        ("fatemeh-shahriari", PER, "quoted", ["Fatemeh Shahriari"]),
        ("unicef", ORG, "mentions", ["UNICEF"]),
    ],
)

# ---- van-quake-aid: Iranian aid after the Van earthquake in Türkiye, 2-8 November 2026
VQ = "van-earthquake-2026"
s(
    "van-quake-aid-01",
    "van-quake-aid",
    ["mehrdad-rafiee"],
    [
        (VQ, EV, "about", ["Van earthquake", "magnitude 6.3 earthquake"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("mehrdad-rafiee", PER, "quoted", ["Mehrdad Rafiee"]),
        ("turkish-red-crescent", ORG, "mentions", ["Turkish Red Crescent"]),
        ("afad", ORG, "mentions", ["Disaster and Emergency Management Authority", "AFAD"]),
    ],
)
s(
    "van-quake-aid-02",
    "van-quake-aid",
    ["emre-yildiz"],
    [
        (VQ, EV, "about", ["earthquake"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("emre-yildiz", PER, "quoted", ["Emre Yıldız"]),
        ("afad", ORG, "mentions", ["AFAD"]),
    ],
)
s(
    "van-quake-aid-03",
    "van-quake-aid",
    ["farshid-akbari"],
    [
        (VQ, EV, "about", ["earthquake"]),
        ("farshid-akbari", PER, "quoted", ["Farshid Akbari"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent", "IRCS"]),
        ("jamshid-mohebbi", PER, "mentions", ["Jamshid Mohebbi"]),
    ],
)
s(
    "van-quake-aid-04",
    "van-quake-aid",
    ["selin-aydin"],
    [
        (VQ, EV, "about", ["last Monday's earthquake"]),
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("turkish-red-crescent", ORG, "about", ["Turkish Red Crescent"]),
        ("selin-aydin", PER, "quoted", ["Selin Aydın"]),
        ("mehrdad-rafiee", PER, "mentions", ["Mehrdad Rafiei", "Rafiei"]),
    ],
)

# ---- eb-medicine: shipment of dressings for epidermolysis bullosa patients, 5-13 October 2026
EB = "eb-dressings-shipment-2026"
s(
    "eb-medicine-01",
    "eb-medicine",
    [None, "maryam-tehrani"],
    [
        (EB, EV, "about", ["shipment"]),
        ("maryam-tehrani", PER, "quoted", ["Maryam Tehrani", "Tehrani"]),
        ("eb-home", ORG, "about", ["EB Home"]),
        ("ifda", ORG, "mentions", ["Iran Food and Drug Administration", "IFDA"]),
    ],
)
s(
    "eb-medicine-02",
    "eb-medicine",
    ["kambiz-vahedi"],
    [
        (EB, EV, "mentions", ["shipment"]),
        ("ifda", ORG, "about", ["Iran Food and Drug Administration", "IFDA"]),
        ("kambiz-vahedi", PER, "quoted", ["Dr. Kambiz Vahedi", "Vahedi"]),
        ("farideh-azimi", PER, "mentions", ["Dr. Farideh Azimi"]),
        ("eb-home", ORG, "mentions", ["EB Home"]),
    ],
)
s(
    "eb-medicine-03",
    "eb-medicine",
    ["somayeh-karimi", "somayeh-karimi"],
    [
        ("somayeh-karimi", PER, "quoted", ["Somayeh Karimi", "Karimi"]),
        ("yasna-karimi", PER, "about", ["Yasna"]),
        ("eb-home", ORG, "mentions", ["EB Home"]),
        (EB, EV, "mentions", ["shipment"]),
        ("maryam-tehrani", PER, "mentions", ["Tehrani"]),
    ],
)
s(
    "eb-medicine-04",
    "eb-medicine",
    ["maryam-tehrani"],
    [
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "Red Crescent"]),
        ("eb-home", ORG, "about", ["EB Home"]),
        ("maryam-tehrani", PER, "quoted", ["Maryam Tehrani", "Tehrani"]),
    ],
)

# ---- tabriz-carpet-fair: Tabriz International Handmade Carpet Fair, 14-19 September 2026
CF = "tabriz-carpet-fair-2026"
s(
    "tabriz-carpet-fair-01",
    "tabriz-carpet-fair",
    ["fereshteh-dadfar"],
    [
        (CF, EV, "about", ["Tabriz International Handmade Carpet Fair"]),
        ("iran-national-carpet-center", ORG, "about", ["Iran National Carpet Center"]),
        ("fereshteh-dadfar", PER, "quoted", ["Fereshteh Dadfar", "Dadfar"]),
    ],
)
s(
    "tabriz-carpet-fair-02",
    "tabriz-carpet-fair",
    [None, "sima-rafiei"],
    [
        (CF, EV, "about", ["Tabriz International Handmade Carpet Fair"]),
        ("sima-rafiei", PER, "quoted", ["Sima Rafiei", "Rafiei"]),
    ],
)
s(
    "tabriz-carpet-fair-03",
    "tabriz-carpet-fair",
    ["vahid-jafari"],
    [
        (CF, EV, "about", ["Tabriz International Handmade Carpet Fair", "Tabriz carpet fair"]),
        ("vahid-jafari", PER, "quoted", ["Vahid Jafari", "Jafari"]),
        ("east-azerbaijan-trade-office", ORG, "mentions", ["East Azerbaijan trade development office"]),
    ],
)
s(
    "tabriz-carpet-fair-04",
    "tabriz-carpet-fair",
    [],
    [
        (CF, EV, "about", ["Tabriz International Handmade Carpet Fair", "Carpet fair"]),
        ("iran-national-carpet-center", ORG, "about", ["Iran National Carpet Center"]),
        ("fereshteh-dadfar", PER, "mentions", ["Fereshteh Dadfar"]),
    ],
)

# ---- singletons
s(
    "single-qom-workshop-fire",
    None,
    ["hadi-sarraf"],
    [
        ("qom-workshop-fire-2026", EV, "about", ["fire"]),
        ("hadi-sarraf", PER, "quoted", ["Hadi Sarraf"]),
        ("qom-fire-department", ORG, "mentions", ["Qom fire department"]),
    ],
)
s(
    "single-yazd-photo-exhibition",
    None,
    ["nahid-ardakani"],
    [
        ("yazd-photo-exhibition-2026", EV, "about", ["exhibition of 140 photographs"]),
        ("nahid-ardakani", PER, "quoted", ["Nahid Ardakani"]),
        (
            "cultural-heritage-ministry",
            ORG,
            "mentions",
            ["Ministry of Cultural Heritage, Tourism and Handicrafts"],
        ),
    ],
)
s(
    "single-who-cholera-report",
    None,
    ["helena-marsh"],
    [
        ("who", ORG, "about", ["World Health Organization", "WHO"]),
        ("helena-marsh", PER, "quoted", ["Dr. Helena Marsh", "Marsh"]),
    ],
)
s(
    "single-ircs-volunteer-award",
    None,
    ["jamshid-mohebbi"],
    [
        ("ircs", ORG, "about", ["Iranian Red Crescent Society", "IRCS"]),
        ("jamshid-mohebbi", PER, "quoted", ["Jamshid Mohebbi", "Mohebbi"]),
        (VQ, EV, "mentions", ["Van earthquake"]),
    ],
)
s(
    "single-ahvaz-flood",
    None,
    ["kamal-heydari-nasab"],
    [
        ("ahvaz-flood-2026", EV, "about", ["Floodwater"]),
        ("kamal-heydari-nasab", PER, "quoted", ["Kamal Heydari-Nasab"]),
        ("ircs", ORG, "about", ["Red Crescent"]),
        ("ahvaz-municipality", ORG, "mentions", ["Ahvaz municipality"]),
    ],
)
s(
    "single-tehran-orchestra-muscat",
    None,
    ["kourosh-ghaffarian"],
    [
        ("tehran-symphony-orchestra", ORG, "about", ["Tehran Symphony Orchestra"]),
        ("royal-opera-house-muscat", ORG, "mentions", ["Royal Opera House Muscat"]),
        ("kourosh-ghaffarian", PER, "quoted", ["Kourosh Ghaffarian"]),
        ("antonin-dvorak", PER, "mentions", ["Dvořák"]),
    ],
)
s(
    "single-azimi-hpv-vaccine",
    None,
    ["farideh-azimi"],
    [
        ("farideh-azimi", PER, "quoted", ["Dr. Farideh Azimi", "Azimi"]),
        ("unicef", ORG, "mentions", ["UNICEF"]),
        ("who", ORG, "mentions", ["World Health Organization"]),
    ],
)
judgments.write()
