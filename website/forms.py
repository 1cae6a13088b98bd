"""The base of every Wagtail document form, named in WAGTAILDOCS_DOCUMENT_FORM_BASE.

Wagtail builds the add, edit, multiple-upload and chooser-upload forms from this class, so a
check here covers every way an editor can put a file in the document library.
"""

from wagtail.documents.forms import BaseDocumentForm

from website.uploads import validate_contents


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        """Refuse a new file whose contents do not match its extension.

        Only a newly submitted file is checked: editing a document's title must not re-read (or
        re-judge) the file already in storage.
        """
        file = self.cleaned_data["file"]
        if file and "file" in self.changed_data:
            validate_contents(file, name=file.name)
        return file
