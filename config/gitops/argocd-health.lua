-- Argo CD health check for unpackbench.io/UnpackBenchmark.
-- Succeeded -> Healthy; PartiallySucceeded (a survey some of whose nodes failed; its result is there for
-- the nodes that succeeded) -> Healthy, with the failed nodes in the message; Failed (or Stalled) ->
-- Degraded; anything else (no status yet, Pending, Running, or a status older than the spec) ->
-- Progressing. A benchmark with a baseline whose Regressed condition is True (slower than its baseline
-- beyond the threshold, with 95 % confidence) is Degraded, with the comparison in the message; Regressed
-- False or Unknown (no verdict yet, baseline missing, inconclusive) leaves the health to the phase.
-- Reads status.phase and the Succeeded, Stalled, AllNodesSucceeded and Regressed conditions.
local hs = {}
if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to pick up the benchmark"
  return hs
end

local generation = obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and observed ~= nil and observed < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to act on the latest spec"
  return hs
end

local succeeded = nil
local stalled = nil
local allNodes = nil
local regressed = nil
if obj.status.conditions ~= nil then
  for _, condition in ipairs(obj.status.conditions) do
    if condition.type == "Succeeded" then
      succeeded = condition
    elseif condition.type == "Stalled" then
      stalled = condition
    elseif condition.type == "AllNodesSucceeded" then
      allNodes = condition
    elseif condition.type == "Regressed" then
      regressed = condition
    end
  end
end

local phase = obj.status.phase
if phase == "Succeeded" or (phase == nil and succeeded ~= nil and succeeded.status == "True") then
  hs.status = "Healthy"
elseif phase == "PartiallySucceeded" then
  hs.status = "Healthy"
elseif phase == "Failed" or (phase == nil and succeeded ~= nil and succeeded.status == "False")
    or (stalled ~= nil and stalled.status == "True") then
  hs.status = "Degraded"
else
  hs.status = "Progressing"
end

if succeeded ~= nil and succeeded.message ~= nil and succeeded.message ~= "" then
  hs.message = succeeded.message
else
  hs.message = "Phase: " .. (phase or "Pending")
end
if phase == "PartiallySucceeded" and allNodes ~= nil and allNodes.message ~= nil then
  hs.message = "Partially succeeded: " .. allNodes.message
end
if hs.status == "Healthy" and regressed ~= nil and regressed.status == "True" then
  hs.status = "Degraded"
  hs.message = "Regressed: " .. (regressed.message or "slower than the baseline")
end
return hs
