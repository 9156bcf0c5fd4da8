-- Argo CD health check for unpackbench.io/UnpackBenchmark.
-- Succeeded -> Healthy, Failed -> Degraded, anything else (no status yet, Pending, Running, or a
-- status older than the spec) -> Progressing. Reads status.phase and the Succeeded condition.
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
if obj.status.conditions ~= nil then
  for _, condition in ipairs(obj.status.conditions) do
    if condition.type == "Succeeded" then
      succeeded = condition
    end
  end
end

local phase = obj.status.phase
if phase == "Succeeded" or (phase == nil and succeeded ~= nil and succeeded.status == "True") then
  hs.status = "Healthy"
elseif phase == "Failed" or (phase == nil and succeeded ~= nil and succeeded.status == "False") then
  hs.status = "Degraded"
else
  hs.status = "Progressing"
end

if succeeded ~= nil and succeeded.message ~= nil and succeeded.message ~= "" then
  hs.message = succeeded.message
else
  hs.message = "Phase: " .. (phase or "Pending")
end
return hs
