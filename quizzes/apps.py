from django.apps import AppConfig


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = "Questions, study and quizzes"

    def ready(self) -> None:
        # Facts tell the bank through one signal; facts never import quizzes.
        from facts.signals import facts_changed
        from quizzes.bank.services import regenerate_on_facts_changed

        facts_changed.connect(regenerate_on_facts_changed, dispatch_uid="quizzes.bank.regenerate")
