"""Built-in custom recognizers for legal and medical documents, one per module."""

from __future__ import annotations

from collections.abc import Callable

from presidio_analyzer import EntityRecognizer

from lpo_review.redact.recognizers.account_number import AccountNumberRecognizer
from lpo_review.redact.recognizers.age_over_89 import AgeOver89Recognizer
from lpo_review.redact.recognizers.answer_value import AnswerValueRecognizer
from lpo_review.redact.recognizers.attention_name import AttentionNameRecognizer
from lpo_review.redact.recognizers.caps_name import CapsNameRecognizer
from lpo_review.redact.recognizers.case_number import CaseNumberRecognizer
from lpo_review.redact.recognizers.chat_handle import ChatHandleRecognizer
from lpo_review.redact.recognizers.chat_speaker import ChatSpeakerRecognizer
from lpo_review.redact.recognizers.credential_name import CredentialNameRecognizer
from lpo_review.redact.recognizers.date_of_birth import DateOfBirthRecognizer
from lpo_review.redact.recognizers.dates import SpecificDateRecognizer
from lpo_review.redact.recognizers.device_id import DeviceIdRecognizer
from lpo_review.redact.recognizers.drivers_license import DriversLicenseRecognizer
from lpo_review.redact.recognizers.email import AnyDomainEmailRecognizer
from lpo_review.redact.recognizers.email_header_name import EmailHeaderNameRecognizer
from lpo_review.redact.recognizers.employee_id import EmployeeIdRecognizer
from lpo_review.redact.recognizers.id_number import IdNumberRecognizer
from lpo_review.redact.recognizers.labelled_name import LabelledNameRecognizer
from lpo_review.redact.recognizers.member_id import HealthPlanIdRecognizer
from lpo_review.redact.recognizers.money import MoneyRecognizer
from lpo_review.redact.recognizers.mrn import MedicalRecordNumberRecognizer
from lpo_review.redact.recognizers.nickname_name import NicknameNameRecognizer
from lpo_review.redact.recognizers.npi import NpiRecognizer
from lpo_review.redact.recognizers.organization import OrganizationRecognizer
from lpo_review.redact.recognizers.phone_id import PhoneIdentifierRecognizer
from lpo_review.redact.recognizers.relation_name import RelationNameRecognizer
from lpo_review.redact.recognizers.signature_name import SignatureNameRecognizer
from lpo_review.redact.recognizers.signed_initials import SignedInitialsRecognizer
from lpo_review.redact.recognizers.speaker_label import SpeakerLabelRecognizer
from lpo_review.redact.recognizers.spelled_name import SpelledNameRecognizer
from lpo_review.redact.recognizers.ssn_last_four import SsnLastFourRecognizer
from lpo_review.redact.recognizers.street_address import StreetAddressRecognizer
from lpo_review.redact.recognizers.surname_first import SurnameFirstRecognizer
from lpo_review.redact.recognizers.table_column import TableColumnRecognizer
from lpo_review.redact.recognizers.titled_name import TitledNameRecognizer
from lpo_review.redact.recognizers.user_id import UserIdRecognizer
from lpo_review.redact.recognizers.vehicle_id import VehicleIdRecognizer
from lpo_review.redact.recognizers.zip_code import ZipCodeRecognizer

BUILTIN_RECOGNIZERS: tuple[Callable[[], EntityRecognizer], ...] = (
    AccountNumberRecognizer,
    AgeOver89Recognizer,
    AnswerValueRecognizer,
    AnyDomainEmailRecognizer,
    AttentionNameRecognizer,
    CapsNameRecognizer,
    CaseNumberRecognizer,
    ChatHandleRecognizer,
    ChatSpeakerRecognizer,
    CredentialNameRecognizer,
    DateOfBirthRecognizer,
    DeviceIdRecognizer,
    DriversLicenseRecognizer,
    EmailHeaderNameRecognizer,
    EmployeeIdRecognizer,
    HealthPlanIdRecognizer,
    IdNumberRecognizer,
    LabelledNameRecognizer,
    MedicalRecordNumberRecognizer,
    MoneyRecognizer,
    NicknameNameRecognizer,
    NpiRecognizer,
    OrganizationRecognizer,
    PhoneIdentifierRecognizer,
    RelationNameRecognizer,
    SpeakerLabelRecognizer,
    SpelledNameRecognizer,
    SpecificDateRecognizer,
    SignatureNameRecognizer,
    SignedInitialsRecognizer,
    SsnLastFourRecognizer,
    TableColumnRecognizer,
    StreetAddressRecognizer,
    SurnameFirstRecognizer,
    TitledNameRecognizer,
    UserIdRecognizer,
    VehicleIdRecognizer,
    ZipCodeRecognizer,
)


def builtin_recognizers() -> list[EntityRecognizer]:
    """Fresh instances of every built-in custom recognizer."""
    return [cls() for cls in BUILTIN_RECOGNIZERS]
