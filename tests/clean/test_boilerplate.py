"""The line-level cleaner on hand-built paragraph lists: what each kind of furniture looks like,
where it may stand, and the real sentences that must survive next to it."""

from __future__ import annotations

import pytest

from warta.clean.boilerplate import Cleaned, clean_paragraphs, split_paragraphs
from warta.clean.rules import Rules, load_rules

BODY = ("Menteri Luar Negeri Retno Marsudi mengatakan pemerintah akan terus memantau situasi di "
        "kawasan itu dan melindungi warga negara Indonesia yang berada di sana.")
BODY2 = ("Ia menambahkan bahwa Kementerian Luar Negeri telah berkoordinasi dengan kedutaan besar di "
         "negara-negara tetangga untuk menyiapkan jalur evakuasi bila diperlukan.")
EN_BODY = ("Oil prices fell sharply on Tuesday on oversupply concerns, while a gauge of stocks across "
           "the globe rose for a seventh straight session.")
EN_BODY2 = ("The U.S. benchmark index was little changed, and the Nasdaq rose, all having hit record "
            "intraday highs earlier in the day.")


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules(("id", "en"))


def clean(rules: Rules, *paragraphs: str, title: str | None = "Judul") -> Cleaned:
    return clean_paragraphs(list(paragraphs), rules, title=title)


def kinds(cleaned: Cleaned) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in cleaned.removed]


def test_baca_juga_heading_takes_its_list_of_headlines(rules: Rules) -> None:
    got = clean(rules, BODY, "Baca juga:", "Kisah Mayor Raheem, masuk Islam dan jadi Imam di tentara AS",
                "Kisah para tentara Islam berjuang di perang kemerdekaan Amerika", BODY2)
    assert got.paragraphs == [BODY, BODY2]
    assert [k for k, _ in kinds(got)] == ["related_link"] * 3


def test_inline_baca_juga_takes_only_its_own_line(rules: Rules) -> None:
    got = clean(rules, BODY, "BACA JUGA: Rusia Ingin Habisi Ukraina dalam 3 Hari",
                "Subjudul Yang Pendek Tanpa Titik", BODY2)
    assert got.paragraphs == [BODY, "Subjudul Yang Pendek Tanpa Titik", BODY2]


@pytest.mark.parametrize("line", [
    "Baca Juga", "Simak juga: Video Banjir Jakarta", "Lihat Juga:", "Simak Lifestyle Populer Lainnya",
    "Berita Terkait", "Baca selengkapnya di Kompas.id", "Read more: Why it matters",
    "READ MORE: China plague outbreak confirmed", "See also: Oil prices",
    "Related post: Pickled Brussels Sprouts Recipe", "Read also",
])
def test_related_links(rules: Rules, line: str) -> None:
    got = clean(rules, BODY, line, BODY2)
    assert got.paragraphs == [BODY, BODY2] and kinds(got) == [("related_link", line)]


@pytest.mark.parametrize(("line", "kind"), [
    ("Advertisement", "ad"), ("ADVERTISEMENT", "ad"), ("SCROLL TO CONTINUE WITH CONTENT", "ad"),
    ("MIXADVERT JASAPRO", "ad"), ("Story continues below advertisement", "ad"),
    ("Kim Jong Un Dan Vladimir Putin Foto DW", "caption"),
    ("Taylor Swift memberikan standing ovation untuk Joey Alexander. Foto: Grammy", "caption"),
    ("Petugas memeriksa lokasi kejadian. (ANTARA FOTO/Ahmad Subaidi)", "caption"),
    ("Alat terapi temuan mahasiswa UGM. (Bagus Kurniawan/detikcom)", "caption"),
    ("Photo: Reuters", "caption"),
    ("Editor: Ade Marboen", "editor"), ("Penulis: Ahmad Sahroni", "author"),
    ("Reporter : Budi | Editor : Ani", "author"),
    ("Editing by Nick Zieminski", "editor"),
    ("Ikuti kami di Google News untuk berita terbaru", "share"), ("SHARE", "share"),
    ("- Like (0)", "share"), ("-", "widget"), ("Load More...", "widget"),
    ("— The GRAMMYs (@TheGRAMMYs) February 16, 2016", "embed"),
    ("Thanks for signing up!", "widget"), ("Pick Six Newsletter", "widget"),
    ("Updated at 1:23 p.m.", "date"), ("Sign up for our daily newsletter", "share"),
    ("Kamis, 05/11/2015 09:25 WIB Ini Dia Tempat Terbasah di Dunia", "related_link"),
])
def test_furniture_lines_inside_the_body(rules: Rules, line: str, kind: str) -> None:
    got = clean(rules, BODY, line, BODY2)
    assert got.paragraphs == [BODY, BODY2]
    assert kinds(got) == [(kind, line)]


@pytest.mark.parametrize("sentence", [
    # real sentences that share a first word with a furniture rule
    "Email Pribadi Direktur CIA Dibobol Remaja",  # a headline, not an "Email" button
    "Gabung dengan koalisi, PAN minta jatah kursi menteri",
    "Baca puisi di depan presiden, siswa SMA ini viral.",
    "Advertisement spending rose 5 percent in the third quarter, the company said on Monday.",
    "Foto-foto yang beredar di media sosial memperlihatkan kerusakan parah di kawasan itu, kata dia.",
    "Share prices in Jakarta fell 2 percent on Tuesday as investors sold banking stocks ahead of the vote.",
    "Sign up now, the minister said, urging every citizen to register before the deadline next week.",
    "WHAT YOU NEED TO MAKE JAM",
    "Sign up for a Hulu ad-free account for $11.99 a month",  # a step in a how-to
    "How to start your own email newsletter",
    # introduces the text below, not a link elsewhere (CLICK-ID horoscope pages)
    "Simak selengkapnya ramalan zodiak kesehatan besok Rabu 11 September 2019 berikut ini",
])
def test_real_sentences_are_kept(rules: Rules, sentence: str) -> None:
    got = clean(rules, BODY, sentence, BODY2)
    assert got.paragraphs == [BODY, sentence, BODY2], kinds(got)


def test_section_label_breadcrumb_and_date_at_the_top(rules: Rules) -> None:
    got = clean_paragraphs(["Berita", "Home > Berita > Nasional", "Senin, 4 September 2023 10:15 WIB",
                            "Judul Berita Ini", BODY], rules, infer_title=True)
    assert got.title == "Judul Berita Ini"
    assert got.paragraphs == [BODY]
    assert [k for k, _ in kinds(got)] == ["section_label", "breadcrumb", "date"]
    assert got.date_text == "Senin, 4 September 2023 10:15 WIB"


def test_section_label_inside_the_body_is_text(rules: Rules) -> None:
    got = clean(rules, BODY, "Internasional", BODY2)
    assert got.paragraphs == [BODY, "Internasional", BODY2]


@pytest.mark.parametrize(("first", "place", "agency"), [
    ("JAKARTA, KOMPAS.com - ", "JAKARTA", "KOMPAS.com"),
    ("Mataram, NTB (ANTARA News) - ", "Mataram, NTB", "ANTARA News"),
    ("Liputan6.com, Jakarta - ", "Jakarta", "Liputan6.com"),
    ("REPUBLIKA.CO.ID, JAKARTA -- ", "JAKARTA", "REPUBLIKA.CO.ID"),
    ("Merdeka.com - ", None, "Merdeka.com"),
    ("JagatBisnis.com", None, "JagatBisnis.com"),
    ("WASHINGTON (Reuters) - ", "WASHINGTON", "Reuters"),
    ("LONDON, Jan 5 (Reuters) - ", "LONDON", "Reuters"),
    ("(Reuters) — ", None, "Reuters"),
    ("COLUMBIA, S.C. (AP) — ", "COLUMBIA, S.C.", "AP"),
    ("MADRID — ", "MADRID", None),
])
def test_datelines_become_metadata(rules: Rules, first: str, place: str | None, agency: str | None) -> None:
    got = clean(rules, first + BODY, BODY2)
    assert got.paragraphs == [BODY, BODY2]
    assert got.dateline is not None
    assert (got.dateline.place, got.dateline.agency) == (place, agency)
    assert kinds(got) == [("dateline", first.strip())]


def test_furniture_above_a_dateline_goes_with_its_kind(rules: Rules) -> None:
    got = clean(rules, "MUDA DAN MENGINSPIRASI", "Alat terapi temuan mahasiswa UGM. (Bagus/detikcom)",
                "Yogyakarta - " + BODY, BODY2)
    assert got.paragraphs == [BODY, BODY2]
    assert [k for k, _ in kinds(got)] == ["preamble", "caption", "dateline"]  # in page order
    assert got.dateline is not None and got.dateline.place == "Yogyakarta"


def test_no_dateline_hunt_past_real_prose(rules: Rules) -> None:
    long_lead = BODY + " " + BODY2
    got = clean(rules, long_lead, "JAKARTA - " + BODY2)
    assert got.paragraphs == [long_lead, "JAKARTA - " + BODY2] and got.dateline is None


def test_a_list_item_below_short_lines_is_not_a_dateline(rules: Rules) -> None:
    got = clean(rules, "Berikut jadwalnya:", "Jakarta - Bandung: 3 jam", BODY)
    assert got.paragraphs == ["Berikut jadwalnya:", "Jakarta - Bandung: 3 jam", BODY]


def test_a_bulleted_list_keeps_its_first_dash(rules: Rules) -> None:
    got = clean(rules, "- Retiring early takes discipline.", "- Save 25 times your expenses.")
    assert got.paragraphs == ["- Retiring early takes discipline.", "- Save 25 times your expenses."]
    assert got.dateline is None and not got.removed


def test_scraper_dash_remnant_is_cut_without_metadata(rules: Rules) -> None:
    got = clean(rules, "- " + BODY, BODY2)
    assert got.paragraphs == [BODY, BODY2] and got.dateline is None
    assert kinds(got) == [("dateline", "-")]


@pytest.mark.parametrize(("ending", "kind", "author"), [
    ("(tia)", "author", "tia"), ("(kpl/pur/tch)", "author", "kpl/pur/tch"),
    ("(Cas/Isk)", "author", "Cas/Isk"), ("(Antara)", "agency_credit", None), ("(adv)", "ad", None),
    ("(Luh Wayanti)", "author", "Luh Wayanti"),
])
def test_sign_off_glued_to_the_last_paragraph(rules: Rules, ending: str, kind: str,
                                              author: str | None) -> None:
    got = clean(rules, BODY, BODY2 + " " + ending)
    assert got.paragraphs == [BODY, BODY2]
    assert kinds(got) == [(kind, ending)] and got.author == author


def test_trailing_sign_off_lines(rules: Rules) -> None:
    got = clean(rules, BODY, BODY2, "DINI TEJA")
    assert got.paragraphs == [BODY, BODY2] and got.author == "DINI TEJA"
    inside = clean(rules, BODY, "PERSAINGAN", BODY2)  # a capitalised sub-heading mid-story stays
    assert inside.paragraphs == [BODY, "PERSAINGAN", BODY2]


def test_reuters_credit_line_names_the_author(rules: Rules) -> None:
    credit = "Reporting by Rodrigo Campos; additional reporting by Stephanie Kelly; Editing by Nick Zieminski"
    got = clean(rules, EN_BODY, EN_BODY2, credit)
    assert got.paragraphs == [EN_BODY, EN_BODY2] and got.author == "Rodrigo Campos"


def test_copyright_ends_the_article(rules: Rules) -> None:
    got = clean(rules, BODY, "COPYRIGHT © ANTARA 2015", "Berita Terkini", "Judul lain di sidebar")
    assert got.paragraphs == [BODY]
    assert [k for k, _ in kinds(got)] == ["copyright", "footer", "footer"]


def test_title_repeated_in_the_body_is_cut(rules: Rules) -> None:
    got = clean(rules, "Judul", BODY, title="Judul")
    assert got.paragraphs == [BODY] and kinds(got) == [("title_repeat", "Judul")]


def test_split_paragraphs_normalises_spaces_and_comma_joined_paragraphs() -> None:
    text = "Satu\u00a0 dua.\n\n\n  Tiga.,Empat kata dia.\",\"Lima.\nPT BNI Tbk., PT Bank Mandiri Tbk."
    assert split_paragraphs(text) == ["Satu dua.", "Tiga.", "Empat kata dia.\"", "\"Lima.",
                                      "PT BNI Tbk., PT Bank Mandiri Tbk."]
