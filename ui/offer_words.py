"""How an interview was offered and what came of it, in words: the offer dialog lists
them to choose from and the review screens show them, so both say the same."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rhi_desktop.domain.entities import OfferMethod, OfferOutcome

translate = QCoreApplication.translate


def method_labels() -> dict[OfferMethod, str]:
    """Every way of offering an interview, in the order the dialog lists them."""
    return {
        OfferMethod.IN_PERSON: translate("OfferWords", "In person"),
        OfferMethod.PHONE: translate("OfferWords", "Phone call"),
        OfferMethod.TEXT: translate("OfferWords", "Text message"),
        OfferMethod.LETTER: translate("OfferWords", "Letter"),
        OfferMethod.VIA_CARER: translate("OfferWords", "Through a parent or carer"),
        OfferMethod.VIA_SOCIAL_WORKER: translate("OfferWords", "Through the social worker"),
    }


def outcome_labels() -> dict[OfferOutcome, str]:
    """Every outcome of an offer, in the order the dialog lists them."""
    return {
        OfferOutcome.ACCEPTED: translate("OfferWords", "Accepted"),
        OfferOutcome.DECLINED_BY_CHILD: translate("OfferWords", "Declined by the child"),
        OfferOutcome.DECLINED_BY_PARENT_CARER: translate(
            "OfferWords", "Declined by a parent or carer"
        ),
        OfferOutcome.NO_CONTACT: translate("OfferWords", "No contact made"),
        OfferOutcome.NOT_OFFERED: translate("OfferWords", "Not offered"),
    }


def method_text(method: OfferMethod) -> str:
    return method_labels()[method]


def outcome_text(outcome: OfferOutcome) -> str:
    return outcome_labels()[outcome]
