from django.urls import path

from quizzes.study import views as study
from quizzes.teaching.views import take, teach

urlpatterns = [
    path("study/", study.study, name="study"),
    path("study/answer/", study.answer, name="study_answer"),
    path("study/regrade/", study.regrade, name="study_regrade"),
    path("study/undo/", study.undo, name="study_undo"),
    path("study/settings/", study.study_settings, name="study_settings"),
    path("study/document/<slug:slug>/", study.document, name="study_document"),
    path("study/cards/<int:card_id>/unsuspend/", study.unsuspend, name="study_unsuspend"),
    path("stats/", study.stats, name="stats"),
    path("teach/", teach.teach, name="teach"),
    path("teach/quiz/<int:quiz_id>/", teach.builder, name="teach_quiz"),
    path("teach/quiz/<int:quiz_id>/settings/", teach.quiz_settings, name="teach_quiz_settings"),
    path("teach/quiz/<int:quiz_id>/items/add/", teach.item_add, name="teach_item_add"),
    path("teach/quiz/<int:quiz_id>/items/<int:item_id>/remove/", teach.item_remove, name="teach_item_remove"),
    path("teach/quiz/<int:quiz_id>/items/<int:item_id>/move/", teach.item_move, name="teach_item_move"),
    path("teach/quiz/<int:quiz_id>/items/<int:item_id>/edit/", teach.item_edit, name="teach_item_edit"),
    path("teach/quiz/<int:quiz_id>/import/", teach.quiz_import, name="teach_quiz_import"),
    path("teach/quiz/<int:quiz_id>/publish/", teach.quiz_state, {"action": "publish"}, name="teach_publish"),
    path("teach/quiz/<int:quiz_id>/close/", teach.quiz_state, {"action": "close"}, name="teach_close"),
    path("teach/quiz/<int:quiz_id>/reopen/", teach.quiz_state, {"action": "reopen"}, name="teach_reopen"),
    path("teach/quiz/<int:quiz_id>/results/", teach.results, name="teach_results"),
    path("teach/quiz/<int:quiz_id>/results.csv", teach.results_csv, name="teach_results_csv"),
    path("teach/quiz/<int:quiz_id>/questions.csv", teach.stats_csv, name="teach_stats_csv"),
    path("teach/quiz/<int:quiz_id>/export/<str:fmt>/", teach.export, name="teach_export"),
    path("join/", take.join, name="join"),
    path("join/attempt/<int:attempt_id>/", take.attempt_resume, name="attempt_resume"),
    path("join/attempt/<int:attempt_id>/q/<int:number>/", take.attempt_question, name="attempt_question"),
    path("join/attempt/<int:attempt_id>/finish/", take.attempt_finish, name="attempt_finish"),
    path("join/attempt/<int:attempt_id>/review/", take.attempt_review, name="attempt_review"),
    path("join/<str:code>/", take.quiz_landing, name="join_quiz"),
    path("join/<str:code>/start/", take.attempt_begin, name="join_start"),
]
