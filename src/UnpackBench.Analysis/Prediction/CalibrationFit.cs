using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// Turns measured calibration layers into the model, its training error and the observations a
/// calibration document keeps. The cross-validated error leaves out one whole case (image) at a time,
/// fits the rest and predicts the case's total — the closest a calibration can come to an image it
/// never saw; a case whose compression no other case has cannot be predicted that way and is skipped.
/// </summary>
public static class CalibrationFit
{
    /// <summary>The fitted model, its error, and one observation per layer.</summary>
    public static (UnpackModel Model, TrainingError Error, IReadOnlyList<CalibrationObservation> Observations) Fit(IReadOnlyList<MeasuredLayer> measured)
    {
        var training = measured.Select(m => new TrainingLayer(m.Case, m.Layer, m.Features, m.MedianSeconds)).ToList();
        var fitted = UnpackModelFitter.Fit(training);
        var observations = measured.Select((m, i) => new CalibrationObservation
        {
            Case = m.Case,
            Layer = m.Layer,
            Features = m.Features,
            RunSeconds = m.RunSeconds,
            MeasuredSeconds = training[i].MeasuredSeconds,
            PredictedSeconds = fitted.Predicted[i],
            RelativeError = ErrorSummaries.Relative(fitted.Predicted[i], training[i].MeasuredSeconds),
        }).ToList();

        var cases = observations.GroupBy(o => o.Case)
            .Select(g => ErrorSummaries.Relative(g.Sum(o => o.PredictedSeconds), g.Sum(o => o.MeasuredSeconds)))
            .ToList();
        var error = new TrainingError
        {
            Layers = ErrorSummaries.Of(observations.ConvertAll(o => o.RelativeError)),
            Cases = ErrorSummaries.Of(cases),
            CrossValidation = LeaveOneCaseOut(training),
        };
        return (fitted.Model, error, observations);
    }

    private static ErrorSummary? LeaveOneCaseOut(IReadOnlyList<TrainingLayer> training)
    {
        var errors = new List<double>();
        foreach (var held in training.Select(t => t.Case).Distinct())
        {
            var rest = training.Where(t => t.Case != held).ToList();
            var heldOut = training.Where(t => t.Case == held).ToList();
            if (heldOut.Any(t => rest.All(r => r.Features.Compression != t.Features.Compression)))
            {
                continue;
            }

            try
            {
                var model = UnpackModelFitter.Fit(rest).Model;
                var predicted = heldOut.Sum(t => UnpackPredictor.PointEstimate(model, t.Features, t.Position));
                errors.Add(ErrorSummaries.Relative(predicted, heldOut.Sum(t => t.MeasuredSeconds)));
            }
            catch (ArgumentException)
            {
                // Too few layers left to fit every term: this case cannot be held out.
            }
        }

        return errors.Count >= 3 ? ErrorSummaries.Of(errors) : null;
    }
}
