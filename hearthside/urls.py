from django.urls import include, path, re_path

from hearthside.api import api, unknown_endpoint
from hearthside.design import views as design
from hearthside.pairs import views as pairs
from hearthside.questions import views as questions
from hearthside.today import views as today

urlpatterns = [
    path("", today.home, name="today"),
    path("history/", questions.history, name="history"),
    path("favourites/", questions.favourites, name="favourites"),
    path("daily/<int:daily_id>/", questions.daily_detail, name="daily"),
    path("daily/<int:daily_id>/answer/", questions.answer, name="answer"),
    path("daily/<int:daily_id>/skip/", questions.skip, name="skip"),
    path("daily/<int:daily_id>/favourite/", questions.favourite, name="favourite"),
    path("answers/<int:answer_id>/respond/", questions.respond, name="respond"),
    path("answers/<int:answer_id>/unheart/", questions.take_back_heart, name="unheart"),
    path("ask/", questions.ask, name="ask"),
    path("ask/<int:own_question_id>/withdraw/", questions.withdraw, name="withdraw_question"),
    path("settings/", pairs.pair_settings, name="pair_settings"),
    path("settings/categories/", questions.categories, name="categories"),
    path("settings/unpair/", pairs.unpair, name="unpair"),
    path("settings/earlier-writing/", pairs.earlier_writing, name="earlier_writing"),
    path("settings/delete-account/", pairs.delete_my_account, name="delete_account"),
    path("goodbye/", pairs.goodbye, name="goodbye"),
    path("pair/invite/", pairs.invite, name="invite"),
    path("pair/join/", pairs.join, name="join"),
    path("join/<str:code>/", pairs.join, name="join_with_code"),
    path("checkins/", include("hearthside.checkins.urls")),
    path("shares/", include("hearthside.shares.urls")),
    path("needs/", include("hearthside.needs.urls")),
    path("deck/", include("hearthside.deck.urls")),
    path("balance/", include("hearthside.balance.urls")),
    path("style/", design.style, name="style"),
    path("accounts/", include("allauth.urls")),
    path("api/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", unknown_endpoint, name="api_unknown"),
]
