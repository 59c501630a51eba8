-- Case references (EL-<year>-<6 digits>) are drawn from this sequence and never reused.
CREATE SEQUENCE cases.case_reference_sequence START WITH 1 INCREMENT BY 1;
