using static Node.Dicom.Network.StateMachine.UpperLayerAction;
using static Node.Dicom.Network.StateMachine.UpperLayerEvent;
using static Node.Dicom.Network.StateMachine.UpperLayerState;

namespace Node.Dicom.Network.StateMachine;

/// <summary>
/// The state transition table of PS3.8 Table 9-10: which action each event triggers in each
/// state. A (state, event) pair missing here is a blank cell of the standard's table.
/// </summary>
public static class UpperLayerStateTable
{
    /// <summary>States in which an association exists or is being negotiated, where a stray PDU means AA-8.</summary>
    private static readonly UpperLayerState[] NegotiatingOrEstablished = [Sta3, Sta5, Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12];

    private static readonly Dictionary<(UpperLayerState, UpperLayerEvent), UpperLayerAction> Table = Build();

    /// <summary>Every filled cell, for tests and documentation.</summary>
    public static IReadOnlyDictionary<(UpperLayerState State, UpperLayerEvent Event), UpperLayerAction> Cells => Table;

    public static bool TryGetAction(UpperLayerState state, UpperLayerEvent evt, out UpperLayerAction action) =>
        Table.TryGetValue((state, evt), out action);

    private static Dictionary<(UpperLayerState, UpperLayerEvent), UpperLayerAction> Build()
    {
        var table = new Dictionary<(UpperLayerState, UpperLayerEvent), UpperLayerAction>();

        // PDUs that arrive where they do not belong: AA-1 before the request, AA-8 during an
        // association, AA-6 (ignore) once it is gone.
        foreach (var evt in new[] { Evt3, Evt4, Evt6, Evt10, Evt12, Evt13, Evt19 })
        {
            table[(Sta2, evt)] = AA1;
            foreach (var state in NegotiatingOrEstablished)
            {
                table[(state, evt)] = AA8;
            }

            table[(Sta13, evt)] = AA6;
        }

        // Association establishment.
        table[(Sta1, Evt1)] = AE1;
        table[(Sta4, Evt2)] = AE2;
        table[(Sta5, Evt3)] = AE3;
        table[(Sta5, Evt4)] = AE4;
        table[(Sta1, Evt5)] = AE5;
        table[(Sta2, Evt6)] = AE6;
        table[(Sta3, Evt7)] = AE7;
        table[(Sta3, Evt8)] = AE8;
        table[(Sta13, Evt6)] = AA7;
        table[(Sta13, Evt19)] = AA7;

        // Data transfer.
        table[(Sta6, Evt9)] = DT1;
        table[(Sta6, Evt10)] = DT2;
        table[(Sta7, Evt10)] = AR6;
        table[(Sta8, Evt9)] = AR7;

        // Release, with the collision states 9 to 12.
        table[(Sta6, Evt11)] = AR1;
        table[(Sta6, Evt12)] = AR2;
        table[(Sta7, Evt12)] = AR8;
        table[(Sta7, Evt13)] = AR3;
        table[(Sta10, Evt13)] = AR10;
        table[(Sta11, Evt13)] = AR3;
        table[(Sta8, Evt14)] = AR4;
        table[(Sta9, Evt14)] = AR9;
        table[(Sta12, Evt14)] = AR4;

        // Abort, transport close and ARTIM.
        table[(Sta3, Evt15)] = AA1;
        table[(Sta4, Evt15)] = AA2;
        foreach (var state in new[] { Sta5, Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12 })
        {
            table[(state, Evt15)] = AA1;
        }

        table[(Sta2, Evt16)] = AA2;
        table[(Sta13, Evt16)] = AA2;
        foreach (var state in NegotiatingOrEstablished)
        {
            table[(state, Evt16)] = AA3;
        }

        table[(Sta2, Evt17)] = AA5;
        foreach (var state in new[] { Sta3, Sta4, Sta5, Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12 })
        {
            table[(state, Evt17)] = AA4;
        }

        table[(Sta13, Evt17)] = AR5;
        table[(Sta2, Evt18)] = AA2;
        table[(Sta13, Evt18)] = AA2;
        return table;
    }
}
