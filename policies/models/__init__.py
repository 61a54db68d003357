from policies.models.pages import PolicyPage
from policies.models.records import Acknowledgement, AcknowledgementRenewal, PolicyVersion

__all__ = ["Acknowledgement", "AcknowledgementRenewal", "PolicyPage", "PolicyVersion"]
