using System.Collections.Frozen;
using static AssistanceApi.Domain.RequestStatus;

namespace AssistanceApi.Domain;

/// <summary>The offices through which a State handles requests: its central authority (Art. 40(13)) and its 24/7 point of contact (Art. 41).</summary>
public enum Office { CentralAuthority, ContactPoint }

/// <summary>
/// Who handles and who sees a request, as data. The access rules decide a single request from it, and the list and
/// statistics queries are built from it, so the answer for one request and for a page of them cannot drift apart.
/// </summary>
public static class Visibility
{
    private static readonly FrozenSet<RequestKind> EveryKind = Enum.GetValues<RequestKind>().ToFrozenSet();

    /// <summary>The expedited channels of Arts. 41–43, all a 24/7 point of contact handles.</summary>
    private static readonly FrozenSet<RequestKind> ExpeditedKinds =
        new[] { RequestKind.ExpeditedPreservation, RequestKind.TrafficDataDisclosure }.ToFrozenSet();

    public static IReadOnlySet<RequestKind> KindsHandledBy(Office office) => office == Office.CentralAuthority ? EveryKind : ExpeditedKinds;

    /// <summary>The requesting State sees its requests in every status but discarded: a discarded draft is visible to nobody.</summary>
    public static readonly IReadOnlySet<RequestStatus> SeenByRequestingState = Every(except: [Discarded]);

    /// <summary>The requested State sees a request once it is submitted: never a draft, nor a discarded one.</summary>
    public static readonly IReadOnlySet<RequestStatus> SeenByRequestedState = Every(except: [Draft, Discarded]);

    private static FrozenSet<RequestStatus> Every(RequestStatus[] except) => Enum.GetValues<RequestStatus>().Except(except).ToFrozenSet();
}
