"""Admin for documents and facts: the place where people correct what extraction got wrong."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from facts.models import Document, Fact
from facts.services import fact_update, facts_status_set

PASSAGE_CONTEXT = 200  # characters shown either side of a fact's span


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "fact_count", "license", "updated_at")
    search_fields = ("title", "slug", "text")
    readonly_fields = ("content_hash", "created_at", "updated_at")
    prepopulated_fields = {"slug": ("title",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_facts=Count("facts"))

    @admin.display(description="Facts", ordering="n_facts")
    def fact_count(self, obj: Document) -> int:
        return obj.n_facts


class SectionFilter(admin.SimpleListFilter):
    title = "section"
    parameter_name = "section"

    def lookups(self, request, model_admin):
        facts = Fact.objects.all()
        document_id = request.GET.get("document__id__exact", "")
        if document_id.isascii() and document_id.isdigit():
            facts = facts.filter(document_id=int(document_id))
        sections = facts.order_by("section").values_list("section", flat=True).distinct()
        return [(s, s or "(no section)") for s in sections]

    def queryset(self, request, queryset):
        if self.value() is not None:
            return queryset.filter(section=self.value())
        return queryset


class LeechFilter(admin.SimpleListFilter):
    """Facts whose questions became leeches for some learner: often a sign the fact or question is unclear."""

    title = "learners' leeches"
    parameter_name = "leeches"

    def lookups(self, request, model_admin):
        return [("yes", "Has leech cards")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(questions__cards__leech=True).distinct()
        return queryset


@admin.register(Fact)
class FactAdmin(SimpleHistoryAdmin):
    list_display = (
        "statement",
        "answer",
        "answer_type",
        "document",
        "section",
        "status",
        "confidence",
        "human_edited",
    )
    list_filter = ("document", SectionFilter, "answer_type", "status", "origin", "human_edited", LeechFilter)
    list_select_related = ("document",)
    search_fields = ("statement", "answer", "subject", "document__title")
    list_per_page = 50
    actions = ("approve", "reject")

    class Media:
        css = {"all": ["css/admin.css"]}

    readonly_fields = (
        "source_passage_highlighted",
        "confidence",  # extraction's own estimate; a reviewer approves or rejects instead of editing it
        "leech_cards",
        "origin",
        "human_edited",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("document", "section", "statement", "status", "confidence")}),
        ("Answer", {"fields": ("answer", "answer_type", "question", "subject", "role")}),
        ("Typed value", {"fields": ("date", "date_precision", "date_end", "number", "unit", "qualifier")}),
        ("Source", {"fields": ("source_passage_highlighted", "source_start", "source_end")}),
        ("Record", {"fields": ("leech_cards", "origin", "human_edited", "created_at", "updated_at")}),
    )

    @admin.display(description="Source passage")
    def source_passage_highlighted(self, obj: Fact):
        if obj.pk is None or obj.document_id is None:
            return "Saved facts show their source passage here."
        text = obj.document.text
        start, end = max(0, obj.source_start), min(len(text), obj.source_end)
        before = text[max(0, start - PASSAGE_CONTEXT) : start]
        after = text[end : end + PASSAGE_CONTEXT]
        return format_html(
            '<div class="fact-passage">…{}<mark>{}</mark>{}…</div>',
            before,
            text[start:end],
            after,
        )

    @admin.display(description="Leech cards")
    def leech_cards(self, obj: Fact) -> str:
        if obj.pk is None:
            return "—"
        # Through the reverse relations the question bank declares, so facts never imports quizzes.
        count = Fact.objects.filter(pk=obj.pk, questions__cards__leech=True).count()
        if not count:
            return "None: no learner keeps forgetting this fact."
        return f"{count} learner card(s) became leeches: check that the fact and its questions are clear."

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user  # what SimpleHistoryAdmin.save_model would set: who made the edit
        fact_update(fact=obj, created=not change, changed=bool(form.changed_data))

    def _set_status(self, request, queryset, status: str, verb: str) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        facts_status_set(fact_ids=ids, status=status)
        self.message_user(request, f"{len(ids)} fact(s) {verb}.", messages.SUCCESS)

    @admin.action(description="Approve selected facts")
    def approve(self, request, queryset):
        self._set_status(request, queryset, Fact.Status.APPROVED, "approved")

    @admin.action(description="Reject selected facts (their questions leave every deck)")
    def reject(self, request, queryset):
        self._set_status(request, queryset, Fact.Status.REJECTED, "rejected")
