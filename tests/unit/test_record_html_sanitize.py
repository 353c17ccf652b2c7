"""HTML letters are reduced to harmless formatting; text attachments decode with their charset."""

from __future__ import annotations

from consult_desktop.record.html_sanitize import decode_text, sanitize_html


def test_scripts_handlers_styles_and_external_urls_are_removed() -> None:
    dirty = ('<p onclick="x()" style="background:url(https://t.invalid/a)">Bonjour <b>docteur</b></p>'
             '<script>fetch("https://t.invalid")</script><style>body{}</style><iframe src="https://t.invalid"></iframe>'
             '<img src="https://t.invalid/p.gif"><img src="data:image/png;base64,iVBORw0KGgo=" alt="ecg">'
             '<a href="javascript:alert(1)">lien</a><table><tr><td colspan="2">K+</td></tr></table>')
    clean = sanitize_html(dirty)
    for gone in ("onclick", "style", "script", "fetch", "iframe", "https://", "javascript", "href"):
        assert gone not in clean
    assert "<b>docteur</b>" in clean
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in clean
    assert '<td colspan="2">K+</td>' in clean
    assert "lien" in clean


def test_text_decodes_with_declared_charset_then_utf8_then_latin1() -> None:
    assert decode_text("Hôpital".encode("cp1252"), "text/plain; charset=windows-1252") == "Hôpital"
    assert decode_text("Hôpital".encode(), "text/plain") == "Hôpital"
    assert decode_text("Hôpital".encode("latin-1"), None) == "Hôpital"
    assert decode_text(b"abc", "text/plain; charset=unknown-charset") == "abc"
