from django import forms


class WithdrawForm(forms.Form):
    confirm = forms.BooleanField(
        label="I want to withdraw from the study",
        help_text="We will not contact you about the study again. Your group stays as it was.",
        error_messages={"required": "Tick this box to confirm that you want to withdraw."},
    )


class DeleteAccountForm(forms.Form):
    email = forms.EmailField(
        label="Type your email address to confirm",
        help_text="This cannot be undone.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.strip().lower() != self.user.email.lower():
            raise forms.ValidationError("This is not the email address of your account.")
        return email
