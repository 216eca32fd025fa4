"""Titles without site names or rubrics, authors without company noise, sources by outlet name."""

from __future__ import annotations

import pytest

from warta.clean.metadata import (
    MetadataRules,
    clean_author,
    clean_title,
    known_source,
    load_metadata_rules,
    plausible_sitename,
    site_key,
    source_name,
)


@pytest.fixture(scope="module")
def rules() -> MetadataRules:
    return load_metadata_rules(("id", "en"))


@pytest.mark.parametrize(("title", "sites", "clean"), [
    ("Polres Lhokseumawe Serahkan Anggota Di Minimi ke Kejaksaan - Kompas.com Regional",
     ("KOMPAS.com", "kompas.com"), "Polres Lhokseumawe Serahkan Anggota Di Minimi ke Kejaksaan"),
    ("KapanLagi.com: Brandon Salim Makin Dekat Dengan Sivia Blink", ("KapanLagi.com",),
     "Brandon Salim Makin Dekat Dengan Sivia Blink"),
    ("Kisah penjaga penjara Guantanamo yang beralih memeluk Islam | merdeka.com", ("merdeka.com",),
     "Kisah penjaga penjara Guantanamo yang beralih memeluk Islam"),
    ("Saat pengadilan pertemukan Brotoseno dan Angelina Sondakh - ANTARA News", ("antaranews.com",),
     "Saat pengadilan pertemukan Brotoseno dan Angelina Sondakh"),
    ("Ahok Dukung Jokowi Diberi Pangkat Bintang Lima :: Okezone News", ("okezone.com",),
     "Ahok Dukung Jokowi Diberi Pangkat Bintang Lima"),
    # the colon inside the headline stays; only the trailing site segment goes
    ("Kadishub DKI: Taksi Uber Tak Punya Izin Operasi - Tribunnews.com", ("tribunnews.com",),
     "Kadishub DKI: Taksi Uber Tak Punya Izin Operasi"),
    ("Marcella Zalianty Promo Pariwisata Indonesia Lewat Film | Republika Online",
     ("Republika Online",), "Marcella Zalianty Promo Pariwisata Indonesia Lewat Film"),
    # a segment that looks like a domain is a site name even when the page names another site
    ("Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji | ihram.co.id", ("republika.co.id",),
     "Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji"),
    # no site named in it: unchanged (only whitespace normalised)
    ("Tri Indonesia:  Broadband Dorong Ekosistem Digital", ("liputan6.com",),
     "Tri Indonesia: Broadband Dorong Ekosistem Digital"),
    ("Hong Kong chaos: China deploys troops", (), "Hong Kong chaos: China deploys troops"),
])
def test_clean_title_drops_site_names(title: str, sites: tuple[str, ...], clean: str) -> None:
    assert clean_title(title, *sites) == clean


def test_clean_title_drops_a_leading_rubric_only_when_it_is_a_known_label() -> None:
    labels = frozenset({"musik", "foto"})
    got = clean_title("Kapanlagi.com: Musik - Bikin Gaduh Kota, Rumah Penyanyi Ini Digrebek Polisi",
                      "kapanlagi.com", section_labels=labels)
    assert got == "Bikin Gaduh Kota, Rumah Penyanyi Ini Digrebek Polisi"
    assert clean_title("Jokowi - Prabowo Bertemu di Istana", section_labels=labels) == \
        "Jokowi - Prabowo Bertemu di Istana"
    # "FOTO:" is part of how the headline is written, not a rubric segment
    assert clean_title("FOTO: Dian Sastrowardoyo Saat Berusia 13 Tahun", section_labels=labels) == \
        "FOTO: Dian Sastrowardoyo Saat Berusia 13 Tahun"


def test_clean_title_never_leaves_a_stub() -> None:
    assert clean_title("Kompas - Kompas.com", "kompas.com") == "Kompas - Kompas.com"
    assert clean_title("", "kompas.com") is None
    assert clean_title(None) is None


@pytest.mark.parametrize(("author", "sites", "clean"), [
    ("PT VIVA MEDIA BARU", (), None),
    ("Kompas Cyber Media", (), None),
    ("Pewarta Nur Imansyah", (), "Nur Imansyah"),
    ("Pewarta: Budi Santoso", (), "Budi Santoso"),
    ("Penulis : Ani", (), "Ani"),
    ("Web Design; Development", (), None),
    ("@ Indonesiarss", (), None),
    ("Tim Redaksi", (), None),
    ("DANICA KIRKA; JILL LAWLESS Associated Press", (), "DANICA KIRKA; JILL LAWLESS"),
    ("Reuters", (), None),
    ("Tanza Loudenback; Business Insider", ("Business Insider Deutschland",), "Tanza Loudenback"),
    ("Fino Yurio Kristo", ("Detikinet", "detik.com"), "Fino Yurio Kristo"),
    ("", (), None),
])
def test_clean_author(rules: MetadataRules, author: str, sites: tuple[str, ...], clean: str | None) -> None:
    assert clean_author(author, rules, *sites) == clean


def test_site_key_ignores_case_www_and_domain() -> None:
    assert site_key("KOMPAS.com") == site_key("www.kompas.com") == site_key("Kompas") == "kompas"
    assert site_key("REPUBLIKA.CO.ID") == "republika"
    assert site_key(None) == ""


def test_known_source_covers_sub_domains(rules: MetadataRules) -> None:
    assert known_source("dunia.news.viva.co.id", rules) == "VIVA.co.id"
    assert known_source("regional.kompas.com", rules) == "Kompas.com"
    assert known_source("example.org", rules) is None


def test_plausible_sitename_rejects_urls_headlines_and_section_hosts() -> None:
    assert plausible_sitename("https://www.facebook.com/Bola.Kompascom") is None
    assert plausible_sitename("Ahok Dukung Jokowi Diberi Pangkat Bintang Lima :: Okezone News") is None
    assert plausible_sitename("lifestyle.okezone.com") is None
    assert plausible_sitename("Business Insider") == "Business Insider"
    assert plausible_sitename("VIVA.co.id") == "VIVA.co.id"


def test_source_prefers_known_host_then_sitename_then_dateline_agency(rules: MetadataRules) -> None:
    assert source_name("https://www.facebook.com/Bola.Kompascom", "http://bola.kompas.com/x", None,
                       rules) == "Kompas.com"
    assert source_name("USA TODAY", "https://www.usatoday.com/story", None, rules) == "USA TODAY"
    assert source_name(None, None, "JagatBisnis.com", rules) == "JagatBisnis.com"
    assert source_name(None, "https://www.example.org/a", None, rules) == "example.org"
    assert source_name(None, None, None, rules) is None
