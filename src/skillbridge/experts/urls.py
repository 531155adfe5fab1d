from django.urls import path

from skillbridge.experts.views import imports, officer, own, public, taxonomy

app_name = "experts"

urlpatterns = [
    path("", public.outreach, name="outreach"),
    path("register/", public.register, name="register"),
    path("claim/<str:token>/", public.claim, name="claim"),
    path("pool/", officer.pool_home, name="pool_home"),
    path("<slug:slug>/me/", own.my_profile, name="my_profile"),
    path("<slug:slug>/me/edit/", own.my_profile_edit, name="my_profile_edit"),
    path("<slug:slug>/me/submit/", own.my_profile_submit, name="my_profile_submit"),
    path("<slug:slug>/me/consent/", own.my_consent, name="my_consent"),
    path("<slug:slug>/me/data.json", own.my_data, name="my_data"),
    path("<slug:slug>/me/cv/", own.my_cv, name="my_cv"),
    path("<slug:slug>/me/erase/", own.my_erase, name="my_erase"),
    path("<slug:slug>/pool/", officer.pool, name="pool"),
    path("<slug:slug>/pool/<int:pk>/", officer.pool_profile, name="pool_profile"),
    path("<slug:slug>/pool/<int:pk>/vet/", officer.pool_vet, name="pool_vet"),
    path("<slug:slug>/pool/<int:pk>/cv/", officer.pool_cv, name="pool_cv"),
    path("<slug:slug>/pool/<int:pk>/invite/", officer.pool_invite, name="pool_invite"),
    path("<slug:slug>/skills/", officer.skills, name="skills"),
    path("<slug:slug>/skills/new/", taxonomy.skill_edit, name="skill_new"),
    path("<slug:slug>/skills/<int:pk>/", taxonomy.skill_edit, name="skill_edit"),
    path("<slug:slug>/labels/", taxonomy.labels, name="labels"),
    path("<slug:slug>/labels/sectors/new/", taxonomy.sector_new, name="sector_new"),
    path("<slug:slug>/labels/sectors/<int:pk>/", taxonomy.sector_edit, name="sector_edit"),
    path("<slug:slug>/labels/levels/new/", taxonomy.level_new, name="level_new"),
    path("<slug:slug>/labels/levels/<int:pk>/", taxonomy.level_edit, name="level_edit"),
    path("<slug:slug>/imports/", imports.import_list, name="import_list"),
    path("<slug:slug>/imports/<int:pk>/", imports.import_detail, name="import_detail"),
    path("<slug:slug>/imports/<int:pk>/progress/", imports.import_progress, name="import_progress"),
    path("<slug:slug>/imports/<int:pk>/confirm/", imports.import_confirm, name="import_confirm"),
]
