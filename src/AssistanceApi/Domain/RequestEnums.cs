namespace AssistanceApi.Domain;

public enum RequestKind { MutualLegalAssistance, ExpeditedPreservation, TrafficDataDisclosure }

public enum LegalBasis { Convention, BilateralTreaty, Reciprocity }

public enum ProceedingNature { Investigation, Prosecution, JudicialProceeding }

public enum Measure
{
    TakingEvidence, ServiceOfDocuments, SearchAndSeizure, Freezing, StoredDataAccess, RealTimeTrafficCollection,
    ContentInterception, ExaminingObjectsAndSites, InformationAndExpertEvaluations, DocumentsAndRecords,
    TracingProceeds, VoluntaryAppearance, RecoveryOfProceeds, VideoHearing, DetainedPersonTransfer, Other,
}

public enum PersonRole { Suspect, Accused, Witness, Victim, Expert, AccountHolder, Other }

public enum DataCategory { Subscriber, Traffic, Content }
