"""One screen per module; forms and confirmations are ``ModalScreen[T]``."""
