"""Writes judgments.jsonl from the editor's judgments below (quote texts are taken from the stories, so they match exactly).

    python3 bench/knowledge/build_judgments.py
"""
import json, re, sys
from pathlib import Path
D = Path(__file__).resolve().parent
P, O, E = "person", "organization", "event"
SEED = {json.loads(l)["slug"] for l in (D / "seed/entities.jsonl").read_text().splitlines() if l.strip()}
IRCS = ("ircs", O)
J = {}
def s(file, cluster, speakers, ents, dup=None):
    J[file] = (cluster, speakers, ents, dup)

s("kerman-quake-01", "kerman-quake", ["mehdi-zare"], [
  ("rabor-earthquake-2026", E, "about", ["earthquake measuring 5.9", "quake"]),
  ("iranian-seismological-center", O, "mentions", ["Iranian Seismological Center"]),
  ("ircs", O, "about", ["Iranian Red Crescent Society", "IRCS"]),
  ("mehdi-zare", P, "quoted", ["Mehdi Zare"]),
  ("irna", O, "mentions", ["IRNA"])])
s("kerman-quake-02", "kerman-quake", ["mehdi-zare"], [
  ("rabor-earthquake-2026", E, "about", ["magnitude 5.9 earthquake"]),
  ("ircs", O, "about", ["Iranian Red Crescent Society", "Red Crescent"]),
  ("mehdi-zare", P, "quoted", ["Mehdi Zare", "Zare"])])
s("kerman-quake-03", "kerman-quake", ["ahmad-salehi"], [
  ("rabor-earthquake-2026", E, "about", ["earthquake", "Wednesday's quake"]),
  ("ahmad-salehi", P, "quoted", ["Ahmad Salehi", "Salehi"]),
  ("kerman-crisis-management", O, "mentions", ["provincial crisis management office"]),
  ("ircs", O, "mentions", ["Red Crescent"])])
s("kerman-quake-04", "kerman-quake", ["pirhossein-kolivand"], [
  ("rabor-earthquake-2026", E, "about", ["earthquake in Kerman province"]),
  ("pirhossein-kolivand", P, "quoted", ["Pirhoshein Kolivand", "Kolivand"]),
  ("ircs", O, "about", ["Iranian Red Crescent Society", "IRCS"]),
  ("mehdi-zare", P, "mentions", ["Mehdi Zare"]),
  ("irna", O, "mentions", ["IRNA"])])
s("kerman-quake-05", "kerman-quake", ["javad-bahrami"], [
  ("rabor-earthquake-2026", E, "about", ["last week's earthquake", "quake"]),
  ("housing-foundation", O, "about", ["Housing Foundation of the Islamic Revolution"]),
  ("javad-bahrami", P, "quoted", ["Javad Bahrami", "Bahrami"]),
  ("ahmad-salehi", P, "mentions", ["Ahmad Salehi"]),
  ("ircs", O, "mentions", ["Red Crescent"])])

s("golestan-flood-01", "golestan-flood", [], [
  ("golestan-floods-2026", E, "about", ["Flash floods", "Golestan floods"]),
  ("golestan-crisis-management", O, "mentions", ["provincial crisis management headquarters"]),
  ("golestan-meteorological-office", O, "mentions", ["provincial meteorological office"])])
for f, dup in (("golestan-flood-02", None), ("golestan-flood-02-resent", "golestan-flood-02")):
    s(f, "golestan-flood", ["vahid-rostami", "vahid-rostami"], [
      ("golestan-floods-2026", E, "about", ["floodwater"]),
      ("ircs", O, "about", ["Iranian Red Crescent Society", "IRCS", "Red Crescent"]),
      ("vahid-rostami", P, "quoted", ["Vahid Rostami", "Rostami"]),
      ("irna", O, "mentions", ["IRNA"])], dup)
s("golestan-flood-03", "golestan-flood", ["leila-moradi"], [
  ("golestan-floods-2026", E, "about", ["floods"]),
  ("leila-moradi", P, "quoted", ["Dr. Leila Moradi", "Moradi"]),
  ("golestan-ums", O, "mentions", ["Golestan University of Medical Sciences"])])
s("golestan-flood-04", "golestan-flood", ["vahid-rostami"], [
  ("golestan-floods-2026", E, "about", ["the week's floods"]),
  ("ircs", O, "mentions", ["Red Crescent"]),
  ("vahid-rostami", P, "quoted", ["Vahid Rostami", "Rostami"])])
s("golestan-flood-05", "golestan-flood", ["karim-nouri"], [
  ("golestan-floods-2026", E, "about", ["this month's floods"]),
  ("golestan-agriculture-jihad", O, "about", ["Golestan Agriculture Jihad Organization"]),
  ("karim-nouri", P, "quoted", ["Karim Nouri", "Nouri"]),
  ("ircs", O, "mentions", ["Red Crescent"])])

s("measles-campaign-01", "measles-campaign", ["mohammad-hassan-rezvani"], [
  ("measles-campaign-2026", E, "about", ["measles and rubella vaccination campaign"]),
  ("mohammad-hassan-rezvani", P, "quoted", ["Mohammad-Hassan Rezvani", "Rezvani"]),
  ("health-ministry", O, "mentions", ["Ministry of Health and Medical Education"]),
  ("who", O, "mentions", ["World Health Organization", "WHO"]),
  ("unicef", O, "mentions", ["UNICEF"])])
s("measles-campaign-02", "measles-campaign", ["nasir-qureshi", "ann-marie-lindqvist"], [
  ("measles-campaign-2026", E, "about", ["vaccination campaign", "measles campaign"]),
  ("who", O, "about", ["World Health Organization", "WHO"]),
  ("unicef", O, "about", ["UNICEF"]),
  ("nasir-qureshi", P, "quoted", ["Dr. Nasir Qureshi"]),
  ("ann-marie-lindqvist", P, "quoted", ["Ann-Marie Lindqvist", "Lindqvist"]),
  ("health-ministry", O, "mentions", ["Ministry of Health"])])
s("measles-campaign-03", "measles-campaign", ["zahra-baluchzehi", "omid-shahraki"], [
  ("measles-campaign-2026", E, "about", ["measles vaccination campaign"]),
  ("zahra-baluchzehi", P, "quoted", ["Zahra Baluchzehi"]),
  ("saravan-health-network", O, "mentions", ["Saravan health network"]),
  ("omid-shahraki", P, "quoted", ["Dr. Omid Shahraki", "Shahraki"]),
  ("zahedan-ums", O, "mentions", ["Zahedan University of Medical Sciences"])])
s("measles-campaign-04", "measles-campaign", ["mohammad-hassan-rezvani"], [
  ("measles-campaign-2026", E, "about", ["measles and rubella vaccination campaign"]),
  ("mohammad-hassan-rezvani", P, "quoted", ["Mohammadhassan Rezvani", "Rezvani"]),
  ("bafia", O, "mentions", ["Bureau for Aliens and Foreign Immigrants' Affairs", "BAFIA"]),
  ("who", O, "mentions", ["WHO"])])
s("measles-campaign-05", "measles-campaign", ["omid-shahraki", "nasir-qureshi"], [
  ("measles-campaign-2026", E, "about", ["measles and rubella vaccination campaign"]),
  ("omid-shahraki", P, "quoted", ["Dr. Omid Shahraki", "Shahraki"]),
  ("zahedan-ums", O, "mentions", ["Zahedan University of Medical Sciences"]),
  ("who", O, "mentions", ["World Health Organization", "WHO"]),
  ("nasir-qureshi", P, "quoted", ["Dr. Nasir Qureshi"])])

s("eco-health-meeting-01", "eco-health-meeting", ["kamran-heidari"], [
  ("eco-health-ministers-meeting-2026", E, "about", ["meet in Tehran on 13 March", "one-day meeting"]),
  ("eco", O, "about", ["Economic Cooperation Organization", "ECO"]),
  ("health-ministry", O, "mentions", ["Ministry of Health and Medical Education"]),
  ("kamran-heidari", P, "quoted", ["Kamran Heidari", "Heidari"]),
  ("rustam-nazarov", P, "mentions", ["Rustam Nazarov"])])
s("eco-health-meeting-02", "eco-health-meeting", ["kamran-heidari"], [
  ("eco-health-ministers-meeting-2026", E, "about", ["their meeting in Tehran"]),
  ("eco", O, "about", ["Economic Cooperation Organization", "ECO"]),
  ("kamran-heidari", P, "quoted", ["Kamran Heidari"]),
  ("rustam-nazarov", P, "mentions", ["Rustam Nazarov"])])
s("eco-health-meeting-03", "eco-health-meeting", ["elif-demir"], [
  ("eco-health-ministers-meeting-2026", E, "about", ["meeting of ECO health ministers held in Tehran on 13 March"]),
  ("eco", O, "mentions", ["ECO", "Economic Cooperation Organization"]),
  ("elif-demir", P, "quoted", ["Elif Demir", "Demir"]),
  ("tariq-mehmood", P, "mentions", ["Tariq Mehmood"]),
  ("kamran-heidari", P, "mentions", ["Kamran Heidari"])])
s("eco-health-meeting-04", "eco-health-meeting", ["mohammad-hassan-rezvani"], [
  ("eco-health-ministers-meeting-2026", E, "about", ["ECO meeting"]),
  ("eco", O, "about", ["Economic Cooperation Organization", "ECO"]),
  ("mohammad-hassan-rezvani", P, "quoted", ["Mohammad-Hassan Rezvani", "Rezvani"]),
  ("iran-fda", O, "mentions", ["Food and Drug Administration of Iran"])])

s("istanbul-calligraphy-01", "istanbul-calligraphy", ["saeed-tavakoli"], [
  ("istanbul-calligraphy-exhibition-2026", E, "about", ["three-day exhibition of Persian calligraphy", "Letters of Light"]),
  ("cultural-centre-iran-istanbul", O, "about", ["Cultural Centre of the Islamic Republic of Iran in Istanbul"]),
  ("iranian-calligraphers-association", O, "mentions", ["Iranian Calligraphers Association"]),
  ("beyoglu-municipality", O, "mentions", ["municipality of Beyoğlu"]),
  ("saeed-tavakoli", P, "quoted", ["Saeed Tavakoli"]),
  ("abbas-kheirollahi", P, "mentions", ["Abbas Kheirollahi"]),
  ("irna", O, "mentions", ["IRNA"])])
s("istanbul-calligraphy-02", "istanbul-calligraphy", ["abbas-kheirollahi", None], [
  ("istanbul-calligraphy-exhibition-2026", E, "about", ["exhibition of Persian calligraphy in Istanbul", "Letters of Light"]),
  ("abbas-kheirollahi", P, "quoted", ["Abbas Kheirollahi", "Kheirollahi"]),
  ("mimar-sinan-university", O, "mentions", ["Mimar Sinan Fine Arts University"]),
  ("saeed-tavakoli", P, "mentions", ["Saeed Tavakoli"]),
  ("cultural-centre-iran-istanbul", O, "mentions", ["Cultural Centre of Iran"])])
s("istanbul-calligraphy-03", "istanbul-calligraphy", [None, "saeed-tavakoli"], [
  ("istanbul-calligraphy-exhibition-2026", E, "about", ["three-day exhibition of Persian calligraphy", "Letters of Light"]),
  ("saeed-tavakoli", P, "quoted", ["Saeed Tavakoli", "Tavakoli"]),
  ("beyoglu-municipality", O, "mentions", ["municipality of Beyoğlu", "Beyoğlu municipality"]),
  ("iranian-calligraphers-association", O, "mentions", ["Iranian Calligraphers Association"]),
  ("reza-mafi-nejad", P, "mentions", ["Reza Mafi-Nejad"]),
  ("abbas-kheirollahi", P, "mentions", ["Abbas Kheirollahi"])])
s("istanbul-calligraphy-04", "istanbul-calligraphy", [None, "ayse-kaya"], [
  ("istanbul-calligraphy-exhibition-2026", E, "about", ["Letters of Light", "Persian calligraphy show"]),
  ("ayse-kaya", P, "quoted", ["Ayşe Kaya"]),
  ("cultural-centre-iran-istanbul", O, "mentions", ["Cultural Centre of Iran in Istanbul"]),
  ("iranian-calligraphers-association", O, "mentions", ["Iranian Calligraphers Association"]),
  ("abbas-kheirollahi", P, "mentions", ["Abbas Kheirollahi"]),
  ("saeed-tavakoli", P, "mentions", ["Saeed Tavakoli"])])

FARS = ("fars-heritage", O)
s("shiraz-handicrafts-01", "shiraz-handicrafts", ["hamid-zarei"], [
  ("shiraz-handicrafts-week-2026", E, "about", ["national handicrafts week"]),
  ("hamid-zarei", P, "quoted", ["Hamid Zarei", "Zarei"]),
  ("fars-heritage", O, "about", ["Fars Cultural Heritage, Tourism and Handicrafts Department"])])
s("shiraz-handicrafts-02", "shiraz-handicrafts", ["gholamhossein-shafiei"], [
  ("shiraz-handicrafts-week-2026", E, "about", ["national handicrafts week in Shiraz"]),
  ("gholamhossein-shafiei", P, "quoted", ["Gholamhossein Shafiei", "Shafiei"]),
  ("fars-heritage", O, "mentions", ["Fars Cultural Heritage, Tourism and Handicrafts Department"]),
  ("hamid-zarei", P, "mentions", ["Hamid Zarei"])])
s("shiraz-handicrafts-03", "shiraz-handicrafts", ["hamid-zarei"], [
  ("shiraz-handicrafts-week-2026", E, "about", ["national handicrafts week in Shiraz"]),
  ("fars-heritage", O, "about", ["Fars Cultural Heritage, Tourism and Handicrafts Department"]),
  ("hamid-zarei", P, "quoted", ["Hamid Zarei", "Zarei"])])
s("shiraz-handicrafts-04", "shiraz-handicrafts", ["maryam-kashkuli"], [
  ("shiraz-handicrafts-week-2026", E, "about", ["national handicrafts week in Shiraz"]),
  ("maryam-kashkuli", P, "quoted", ["Maryam Kashkuli"]),
  ("fars-heritage", O, "mentions", ["Fars Cultural Heritage, Tourism and Handicrafts Department"]),
  ("hamid-zarei", P, "mentions", ["Hamid Zarei"])])

AG = ("ircs-icrc-agreement-2026", E)
s("ircs-icrc-agreement-01", "ircs-icrc-agreement", ["marco-baldini"], [
  ("ircs-icrc-agreement-2026", E, "about", ["three-year cooperation agreement in Tehran on 17 February"]),
  ("ircs", O, "about", ["Iranian Red Crescent Society", "IRCS"]),
  ("icrc", O, "about", ["International Committee of the Red Cross", "ICRC"]),
  ("marco-baldini", P, "quoted", ["Marco Baldini", "Baldini"])])
s("ircs-icrc-agreement-02", "ircs-icrc-agreement", ["pirhossein-kolivand", "stefan-keller"], [
  ("ircs-icrc-agreement-2026", E, "about", ["three-year cooperation agreement"]),
  ("pirhossein-kolivand", P, "quoted", ["Pirhossein Kolivand", "Kolivand"]),
  ("ircs", O, "about", ["Iranian Red Crescent Society", "IRCS", "Iranian Red Crescent"]),
  ("icrc", O, "about", ["International Committee of the Red Cross", "ICRC"]),
  ("stefan-keller", P, "quoted", ["Stefan Keller", "Keller"]),
  ("marco-baldini", P, "mentions", ["Marco Baldini"]),
  ("irna", O, "mentions", ["IRNA"])])
s("ircs-icrc-agreement-03", "ircs-icrc-agreement", ["sara-mokhtari"], [
  ("ircs-icrc-agreement-2026", E, "about", ["cooperation agreement signed on 17 February"]),
  ("ircs", O, "about", ["Iranian Red Crescent Society", "IRCS"]),
  ("icrc", O, "about", ["International Committee of the Red Cross", "ICRC"]),
  ("sara-mokhtari", P, "quoted", ["Sara Mokhtari"]),
  ("marco-baldini", P, "mentions", ["Marco Baldini"])])
s("ircs-icrc-agreement-04", "ircs-icrc-agreement", ["marco-baldini"], [
  ("ircs-icrc-agreement-2026", E, "about", ["new three-year cooperation agreement", "signed on 17 February"]),
  ("icrc", O, "about", ["International Committee of the Red Cross", "ICRC"]),
  ("ircs", O, "about", ["Iranian Red Crescent Society", "IRCS"]),
  ("marco-baldini", P, "quoted", ["Marco Baldini", "Baldini"]),
  ("sara-mokhtari", P, "mentions", ["Sara Mokhtari"])])

s("afghan-winter-aid-01", "afghan-winter-aid", ["ingrid-solberg"], [
  ("unhcr-winter-aid-2026", E, "about", ["winter aid", "winter programme"]),
  ("unhcr", O, "about", ["UN Refugee Agency", "UNHCR"]),
  ("bafia", O, "mentions", ["Bureau for Aliens and Foreign Immigrants' Affairs", "BAFIA"]),
  ("ingrid-solberg", P, "quoted", ["Ingrid Solberg"])])
s("afghan-winter-aid-02", "afghan-winter-aid", ["ingrid-solberg"], [
  ("unhcr-winter-aid-2026", E, "about", ["UNHCR winter aid programme"]),
  ("unhcr", O, "about", ["UNHCR"]),
  ("ingrid-solberg", P, "quoted", ["Ingrid Solberg", "Solberg"]),
  ("reza-moradi", P, "mentions", ["Reza Moradi"]),
  ("bafia", O, "mentions", ["BAFIA"])])
s("afghan-winter-aid-03", "afghan-winter-aid", ["fatima-hosseini"], [
  ("unhcr-winter-aid-2026", E, "about", ["UNHCR winter aid programme"]),
  ("unhcr", O, "about", ["UNHCR"]),
  ("fatima-hosseini", P, "quoted", ["Fatima Hosseini"]),
  ("bafia", O, "mentions", ["Bureau for Aliens and Foreign Immigrants' Affairs"]),
  ("ingrid-solberg", P, "mentions", ["Ingrid Solberg"])])
s("afghan-winter-aid-04", "afghan-winter-aid", ["reza-moradi"], [
  ("unhcr-winter-aid-2026", E, "about", ["winter aid programme"]),
  ("unhcr", O, "about", ["UNHCR"]),
  ("bafia", O, "about", ["Bureau for Aliens and Foreign Immigrants' Affairs", "BAFIA"]),
  ("reza-moradi", P, "quoted", ["Reza Moradi", "Moradi"]),
  ("health-ministry", O, "mentions", ["Ministry of Health"])])

s("khorramabad-hospital-01", "khorramabad-hospital", ["ali-yarahmadi"], [
  ("khorramabad-hospital-opening-2026", E, "about", ["opened in Khorramabad"]),
  ("kamran-heidari", P, "mentions", ["Kamran Heidari"]),
  ("ali-yarahmadi", P, "quoted", ["Ali Yarahmadi", "Yarahmadi"]),
  ("national-development-fund", O, "mentions", ["National Development Fund"]),
  ("lorestan-ums", O, "mentions", ["Lorestan University of Medical Sciences"])])
s("khorramabad-hospital-02", "khorramabad-hospital", ["ali-yarahmadi"], [
  ("ali-yarahmadi", P, "quoted", ["Ali Yar-Ahmadi", "Yar-Ahmadi"]),
  ("farhad-amiri", P, "mentions", ["Dr. Farhad Amiri"]),
  ("lorestan-ums", O, "mentions", ["Lorestan University of Medical Sciences"])])
s("khorramabad-hospital-03", "khorramabad-hospital", ["nasrin-soltani"], [
  ("nasrin-soltani", P, "quoted", ["Dr. Nasrin Soltani", "Soltani"]),
  ("farhad-amiri", P, "mentions", ["Dr. Farhad Amiri"]),
  ("lorestan-ums", O, "mentions", ["Lorestan University of Medical Sciences"]),
  ("ali-yarahmadi", P, "mentions", ["Ali Yarahmadi"])])
s("khorramabad-hospital-04", "khorramabad-hospital", ["farhad-amiri"], [
  ("lorestan-ums", O, "about", ["Lorestan University of Medical Sciences"]),
  ("farhad-amiri", P, "quoted", ["Dr. Farhad Amiri", "Amiri"]),
  ("ali-yarahmadi", P, "mentions", ["Ali Yar-Ahmadi"]),
  ("health-ministry", O, "mentions", ["Health Ministry"])])

s("rehab-conference-01", "rehab-conference", ["hossein-ebrahimi"], [
  ("rehabilitation-conference-2026", E, "about", ["international conference on rehabilitation"]),
  ("ircs", O, "about", ["Iranian Red Crescent Society", "IRCS"]),
  ("hossein-ebrahimi", P, "quoted", ["Dr. Hossein Ebrahimi", "Ebrahimi"]),
  ("who", O, "mentions", ["World Health Organization"]),
  ("icrc", O, "mentions", ["ICRC"]),
  ("iran-ums", O, "mentions", ["Iran University of Medical Sciences"])])
s("rehab-conference-02", "rehab-conference", ["pirhossein-kolivand"], [
  ("rehabilitation-conference-2026", E, "about", ["international conference on rehabilitation"]),
  ("pirhossein-kolivand", P, "quoted", ["Pirhossein Kolivand", "Kolivand"]),
  ("ircs", O, "about", ["Iranian Red Crescent Society", "IRCS"]),
  ("who", O, "mentions", ["World Health Organization"]),
  ("hossein-ebrahimi", P, "mentions", ["Dr. Hossein Ebrahimi"])])
s("rehab-conference-03", "rehab-conference", ["priya-raman"], [
  ("rehabilitation-conference-2026", E, "about", ["international conference on rehabilitation"]),
  ("priya-raman", P, "quoted", ["Dr. Priya Raman", "Raman"]),
  ("who", O, "mentions", ["World Health Organization"]),
  ("hossein-ebrahimi", P, "mentions", ["Dr. Hossein Ebrahimi"]),
  ("ircs", O, "mentions", ["Iranian Red Crescent Society"]),
  ("icrc", O, "mentions", ["ICRC"])])
s("rehab-conference-04", "rehab-conference", ["shirin-asgari"], [
  ("rehabilitation-conference-2026", E, "about", ["international conference on rehabilitation"]),
  ("hossein-ebrahimi", P, "mentions", ["Dr. Hossein Ebrahimi"]),
  ("ircs", O, "mentions", ["Iranian Red Crescent Society", "IRCS"]),
  ("shirin-asgari", P, "quoted", ["Shirin Asgari"])])

s("single-volunteers", None, ["pirhossein-kolivand"], [
  ("ircs", O, "about", ["Iranian Red Crescent Society"]),
  ("pirhossein-kolivand", P, "quoted", ["Pirhossein Kolivand", "Kolivand"]),
  ("world-red-cross-red-crescent-day-2026", E, "mentions", ["World Red Cross and Red Crescent Day"])])
s("single-hamadan-bus", None, ["ali-rahimi"], [
  ("ircs", O, "mentions", ["Iranian Red Crescent Society", "Red Crescent"]),
  ("ali-rahimi", P, "quoted", ["Ali Rahimi"])])
s("single-isfahan-film", None, ["mehrdad-taheri"], [
  ("isfahan-childrens-film-festival-2026", E, "about", ["International Film Festival for Children and Youth"]),
  ("mehrdad-taheri", P, "quoted", ["Mehrdad Taheri", "Taheri"])])
s("single-who-diabetes", None, ["samir-haddad"], [
  ("who", O, "about", ["World Health Organization", "WHO"]),
  ("samir-haddad", P, "quoted", ["Dr. Samir Haddad"]),
  ("world-diabetes-day-2026", E, "mentions", ["World Diabetes Day"])])
s("single-ardabil-snow", None, ["farid-asadi"], [
  ("ircs", O, "about", ["Iranian Red Crescent Society", "IRCS"]),
  ("farid-asadi", P, "quoted", ["Farid Asadi"])])
s("single-vienna-pianist", None, ["niloufar-amini"], [
  ("niloufar-amini", P, "quoted", ["Niloufar Amini", "Amini"]),
  ("beethoven-piano-competition-2026", E, "about", ["International Beethoven Piano Competition"]),
  ("tehran-conservatory", O, "mentions", ["Tehran Conservatory of Music"]),
  ("mdw-vienna", O, "mentions", ["University of Music and Performing Arts in Vienna"]),
  ("vienna-radio-symphony-orchestra", O, "mentions", ["Vienna Radio Symphony Orchestra"])])
s("single-tehran-drill", None, ["parviz-karami"], [
  ("parviz-karami", P, "quoted", ["Parviz Karami"]),
  ("tehran-disaster-management", O, "mentions", ["Tehran Disaster Mitigation and Management Organization"]),
  ("ircs", O, "mentions", ["Red Crescent"])])

out = []
problems = 0
for file in sorted(J):
    cluster, speakers, ents, dup = J[file]
    text = (D / "stories" / f"{file}.txt").read_text()
    quoted = re.findall(r"“([^”]+)”", text)
    assert len(quoted) == len(speakers), (file, len(quoted), speakers)
    for eid, kind, role, names in ents:
        for n in names:
            if n not in text:
                print("NOT IN TEXT", file, n); problems += 1
    ids = {e[0] for e in ents}
    quotes = []
    for q, sp in zip(quoted, speakers):
        if sp is None:
            continue
        assert sp in ids, (file, sp)
        quotes.append({"speaker": sp, "text": q})
    out.append({
        "file": f"stories/{file}.txt", "cluster": cluster, "near_duplicate_of": f"stories/{dup}.txt" if dup else None,
        "entities": [{"id": e, "kind": k, "role": r, "names": n, "known": e in SEED} for e, k, r, n in ents],
        "quotes": quotes,
    })
(D / "judgments.jsonl").write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out))
print(len(out), "stories;", problems, "problems")
from collections import Counter
print(Counter(o["cluster"] for o in out))
allents = {(e["id"], e["kind"]) for o in out for e in o["entities"] if e["kind"] != "event"}
print("people/orgs", len(allents), "known", sum(1 for e in allents if e[0] in SEED))
