def load(*, command, options):
    pass
