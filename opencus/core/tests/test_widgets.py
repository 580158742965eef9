from django import forms

from opencus.core.widgets import FastSelect


class _Form(forms.Form):
    pick = forms.ChoiceField(
        choices=[("", "any"), ("a", "<A & B>"), ("b", "B")], required=False, widget=FastSelect
    )


def test_fast_select_renders_like_a_select():
    html = str(_Form({"pick": "a"})["pick"])
    assert html.startswith('<select name="pick" id="id_pick">')
    assert '<option value="a" selected>&lt;A &amp; B&gt;</option>' in html
    assert '<option value="b">B</option>' in html


def test_fast_select_marks_errors_for_assistive_technology():
    form = _Form({"pick": "zzz"})
    assert not form.is_valid()
    html = str(form["pick"])
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_pick_error"' in html
