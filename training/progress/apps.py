from django.apps import AppConfig


class TrainingProgressConfig(AppConfig):
    name = "training.progress"
    label = "training_progress"
    verbose_name = "Training progress"
    default_auto_field = "django.db.models.BigAutoField"
