"""Roles and modality on hand-built articles (actor spans given, as the actor stage would)."""

from __future__ import annotations

from collections.abc import Callable

from warta.article import Event

Code = Callable[..., list[Event]]
Triples = Callable[[list[Event]], set[tuple[str, str, str, str]]]


def test_passive_with_oleh_swaps_source_and_target(code_events: Code, triples: Triples) -> None:
    events = code_events("Pembajak ditangkap oleh aparat keamanan Chad.",
                         [("Pembajak", "---CRM"), ("aparat keamanan Chad", "TCDCOP")])
    assert triples(events) == {("TCDCOP", "---CRM", "173", "asserted")}


def test_passive_without_agent_codes_nothing(code_events: Code, triples: Triples) -> None:
    assert code_events("Pembajak itu akhirnya ditangkap di Chad.", [("Pembajak", "---CRM")]) == []


def test_english_passive_by_agent(code_events: Code, triples: Triples) -> None:
    events = code_events("The Russian building was demolished by a Ukrainian protestor.",
                         [("Russian building", "RUS"), ("Ukrainian protestor", "UKROPP")], lang="en")
    assert {(s, t) for s, t, _, _ in triples(events)} == {("UKROPP", "RUS")}


def test_compound_subject_expands_to_one_event_each(code_events: Code, triples: Triples) -> None:
    text = "Amerika Serikat, Jepang, Korea Selatan, dan Inggris mengecam Korea Utara."
    events = code_events(text, [("Amerika Serikat", "USA"), ("Jepang", "JPN"), ("Korea Selatan", "KOR"),
                                ("Inggris", "GBR"), ("Korea Utara", "PRK")])
    assert triples(events) == {(c, "PRK", "111", "asserted") for c in ("USA", "JPN", "KOR", "GBR")}


def test_reciprocal_compound_codes_both_directions(code_events: Code, triples: Triples) -> None:
    events = code_events("Rusia dan Jepang sepakat untuk memperkokoh kerjasama di bidang energi.",
                         [("Rusia", "RUS"), ("Jepang", "JPN")])
    pairs = {(s, t) for s, t, _, _ in triples(events)}
    assert pairs == {("RUS", "JPN"), ("JPN", "RUS")}


def test_apposition_is_one_actor(code_events: Code, triples: Triples) -> None:
    text = "Menteri Pertahanan Rusia, Sergei Shoigu, mengunjungi Korea Utara."
    events = code_events(text, [("Menteri Pertahanan Rusia", "RUSMIL"), ("Sergei Shoigu", "RUSMIL"),
                                ("Korea Utara", "PRK")])
    assert triples(events) == {("RUSMIL", "PRK", "042", "asserted")}


def test_relative_clause_does_not_steal_the_subject(code_events: Code, triples: Triples) -> None:
    text = "Rusia, yang dikritik oleh Amerika Serikat, mengecam Jepang."
    events = code_events(text, [("Rusia", "RUS"), ("Amerika Serikat", "USA"), ("Jepang", "JPN")])
    assert ("RUS", "JPN", "111", "asserted") in triples(events)
    assert not any(e.source and e.source.code == "USA" and e.code == "111" and e.target
                   and e.target.code == "JPN" for e in events)


def test_object_of_a_verb_is_not_the_next_subject(code_events: Code, triples: Triples) -> None:
    text = "Shoigu mengunjungi Korea Utara untuk meyakinkan Pyongyang agar menjual amunisi ke Rusia."
    events = code_events(text, [("Shoigu", "RUSMIL"), ("Korea Utara", "PRK"), ("Pyongyang", "PRKGOV"),
                                ("Rusia", "RUS")])
    assert triples(events) == {("RUSMIL", "PRK", "042", "asserted"),
                               ("RUSMIL", "PRKGOV", "0232", "asserted")}


def test_unresolved_target_stays_empty(code_events: Code, triples: Triples) -> None:
    events = code_events("Amerika Serikat memberlakukan sanksi terhadap tiga entitas yang terlibat.",
                         [("Amerika Serikat", "USA")])
    assert triples(events) == {("USA", "", "163", "asserted")}
    assert events[0].trigger.text == "memberlakukan sanksi"


def test_place_after_di_is_not_a_target(code_events: Code, triples: Triples) -> None:
    events = code_events("Jepang mengecam Korea Utara di PBB.",
                         [("Jepang", "JPN"), ("Korea Utara", "PRK"), ("PBB", "IGOUNO")])
    assert triples(events) == {("JPN", "PRK", "111", "asserted")}
    events = code_events("Jepang mengecam di PBB.", [("Jepang", "JPN"), ("PBB", "IGOUNO")])
    assert triples(events) == {("JPN", "", "111", "asserted")}


def test_a_statement_about_nobody_is_not_coded(code_events: Code, triples: Triples) -> None:
    assert code_events("Jepang menyampaikan pernyataan di PBB.", [("Jepang", "JPN"), ("PBB", "IGOUNO")]) == []


def test_hypothetical_never_asserted(code_events: Code, triples: Triples) -> None:
    text = ("Ia menyatakan kekhawatiran bahwa Korea Utara mungkin sedang mempertimbangkan memberikan "
            "dukungan militer kepada tentara Rusia di Ukraina.")
    events = code_events(text, [("Ia", "USAGOV"), ("Korea Utara", "PRK"), ("tentara Rusia", "RUSMIL"),
                                ("Ukraina", "UKR")])
    aid = [e for e in events if e.root == "07"]
    assert [(e.source.code if e.source else None, e.target.code if e.target else None, e.modality)
            for e in aid] == [("PRK", "RUSMIL", "hypothetical")]
    assert ("USAGOV", "PRK", "012", "asserted") in triples(events)


def test_indonesian_modalities(code_events: Code, triples: Triples) -> None:
    actors = [("Israel", "ISR"), ("Palestina", "PSE")]
    cases = {
        "Israel menyerang Palestina.": "asserted",
        "Israel tidak menyerang Palestina.": "negated",
        "Israel belum menyerang Palestina.": "negated",
        "Israel mungkin menyerang Palestina.": "hypothetical",
        "Israel mempertimbangkan menyerang Palestina.": "hypothetical",
        "Jika diserang, Israel menyerang Palestina.": "hypothetical",
        "Israel menyerang Palestina, kata seorang pejabat.": "reported",
        "Menurut laporan media, Israel menyerang Palestina.": "reported",
        "Israel dilaporkan menyerang Palestina.": "reported",
    }
    for text, modality in cases.items():
        # "mempertimbangkan" is also CAMEO's 014 (consider a policy option), coded beside the attack
        attacks = {t for t in triples(code_events(text, actors)) if t[2][:2] == "19"}
        assert attacks == {("ISR", "PSE", "190", modality)}, text


def test_an_expressed_intent_is_the_event_asserted(code_events: Code, triples: Triples) -> None:
    """CAMEO codes an intent, pledge or threat as the event itself: "akan menyerang" is a threat
    of force (138), "akan mengunjungi" an intent to meet (036), both asserted; only speculation
    ("mungkin", "could") stays hypothetical."""
    israel = [("Israel", "ISR"), ("Palestina", "PSE")]
    gaza = [("Israel", "ISR"), ("Gaza", "PSE")]
    assert triples(code_events("Israel akan menyerang Palestina.", israel)) == {
        ("ISR", "PSE", "138", "asserted")}
    assert triples(code_events("Israel berencana menyerang Palestina.", israel)) == {
        ("ISR", "PSE", "138", "asserted")}
    assert triples(code_events("Israel plans to attack Gaza.", gaza, "en")) == {
        ("ISR", "PSE", "138", "asserted")}
    visit = [("Jokowi", "IDNGOV"), ("Australia", "AUS")]
    assert triples(code_events("Jokowi akan mengunjungi Australia.", visit)) == {
        ("IDNGOV", "AUS", "036", "asserted")}
    assert triples(code_events("Jokowi mungkin mengunjungi Australia.", visit)) == {
        ("IDNGOV", "AUS", "042", "hypothetical")}


def test_reported_names_the_reporter(code_events: Code, triples: Triples) -> None:
    text = "Kirby menyampaikan bahwa Korea Utara telah mengirimkan roket dan rudal ke Rusia."
    events = code_events(text, [("Kirby", "USAGOV"), ("Korea Utara", "PRK"), ("Rusia", "RUS")])
    assert [(e.code, e.modality, e.reporter.code if e.reporter else None) for e in events] == [
        ("072", "reported", "USAGOV")]


def test_english_modalities(code_events: Code, triples: Triples) -> None:
    actors = [("Israel", "ISR"), ("Gaza", "PSE")]
    cases = {
        "Israel attacked Gaza.": "asserted",
        "Israel did not attack Gaza.": "negated",
        "Israel never attacked Gaza.": "negated",
        "Israel would attack Gaza.": "hypothetical",
        "Israel may attack Gaza.": "hypothetical",
        "Israel is considering attacking Gaza.": "hypothetical",
        "Israel attacked Gaza, officials said.": "reported",
        "According to officials, Israel attacked Gaza.": "reported",
    }
    for text, modality in cases.items():
        found = {t for t in triples(code_events(text, actors, lang="en")) if t[2] == "190"}
        assert found == {("ISR", "PSE", "190", modality)}, text


def test_refused_to_negates(code_events: Code, triples: Triples) -> None:
    events = code_events("Iran refused to meet the United States.",
                         [("Iran", "IRN"), ("United States", "USA")], lang="en")
    meet = [e for e in events if e.root == "04"]
    assert meet and all(e.modality == "negated" for e in meet)


def test_appeal_complement_takes_the_appealed_actor(code_events: Code, triples: Triples) -> None:
    text = "Pernyataan itu mengimbau Korea Utara untuk menghentikan perundingan senjata dengan Rusia."
    events = code_events("Jepang mengecam Korea Utara. " + text,
                         [("Jepang", "JPN"), ("Korea Utara", "PRK"), ("Korea Utara", "PRK", 1),
                          ("Rusia", "RUS")])
    assert ("JPN", "PRK", "020", "asserted") in triples(events)  # inherited from "Jepang"
    assert ("PRK", "RUS", "164", "hypothetical") in triples(events)


def test_event_record_fields(code_events: Code, triples: Triples) -> None:
    text = "Presiden Joko Widodo mengunjungi Jepang."
    [event] = code_events(text, [("Presiden Joko Widodo", "IDNGOV"), ("Jepang", "JPN")])
    assert (event.code, event.root, event.quad_class, event.plover) == ("042", "04", 1, "CONSULT")
    assert event.name == "Make a visit" and event.goldstein == 1.9
    assert text[event.trigger.start:event.trigger.end] == "mengunjungi"
    assert event.source is not None and text[event.source.start:event.source.end] == "Presiden Joko Widodo"
    assert text[event.sentence.start:event.sentence.end] == text
    assert event.rule == "id-events-1:visit"
    assert 0 < event.confidence <= 1


def test_a_sentence_gives_each_event_once(code_events: Code) -> None:
    # Kompas (CLICK-ID), with the page's doubled word: two triggers of one appeal by one actor
    text = ("Dalam kasus ini, Tamzil diduga meminta meminta staf khususnya, Agus Soeranto, mencarikan "
            "uang sebesar Rp 250 juta untuk menutupi utang pribadinya.")
    events = code_events(text, [("Tamzil", "IDNGOV")])
    appeals = [e for e in events if e.root == "02"]
    assert len(appeals) == 1 and appeals[0].trigger.start == text.index("meminta")


def test_an_international_event_named_twice_is_one_event(code_events: Code) -> None:
    # Kompas (CLICK-ID): the dialogue and its summit, one meeting of the US and North Korea at the
    # country level, whichever subcodes the two triggers' actors carry
    text = ("Upaya Trump untuk menjalin dialog dengan Korea Utara hampir berantakan, pada Februari, "
            "setelah dia mengikuti saran Bolton pada pertemuan puncak kedua di Hanoi dan mendesak "
            "Pyongyang untuk menyerahkan seluruh senjata nuklir dan bahan bakar bom atomnya kepada AS.")
    events = code_events(text, [("Trump", "USAGOV"), ("Korea Utara", "PRK"), ("dia", "USAGOV"),
                                ("Bolton", "USAGOV"), ("Hanoi", "VNM"), ("Pyongyang", "PRKGOV"),
                                ("AS", "USA")])
    meetings = [(e.trigger.text, e.source.code[:3], e.target.code[:3])
                for e in events if e.root == "04" and e.target is not None]
    assert meetings == [("dialog", "USA", "PRK")]


def test_domestic_events_of_other_actors_are_kept_apart(code_events: Code) -> None:
    text = "DPR dan pemerintah bertemu dengan Komisi Pemberantasan Korupsi di Jakarta."
    events = code_events(text, [("DPR", "IDNLEG"), ("pemerintah", "IDNGOV"),
                                ("Komisi Pemberantasan Korupsi", "IDNGOVJUD")])
    assert {e.source.code for e in events if e.root == "04"} == {"IDNLEG", "IDNGOV"}
