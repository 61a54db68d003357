from policies.models.pages import PolicyPage
from policies.models.records import Acknowledgement, PolicyVersion

__all__ = ["Acknowledgement", "PolicyPage", "PolicyVersion"]
