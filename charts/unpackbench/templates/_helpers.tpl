{{/* The chart's name, or nameOverride. */}}
{{- define "unpackbench.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The prefix of every object's name: fullnameOverride, or release-chart (just the release when it already contains the chart's name). */}}
{{- define "unpackbench.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* chart-version, for the helm.sh/chart label. */}}
{{- define "unpackbench.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "unpackbench.labels" -}}
helm.sh/chart: {{ include "unpackbench.chart" . }}
{{ include "unpackbench.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: unpackbench
{{- end }}

{{/* Labels that select the operator's pods. */}}
{{- define "unpackbench.selectorLabels" -}}
app.kubernetes.io/name: {{ include "unpackbench.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{/* The ServiceAccount's name. */}}
{{- define "unpackbench.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "unpackbench.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The operator's image: repository:tag, the tag defaulting to the chart's appVersion. */}}
{{- define "unpackbench.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/* The agent pods' image: agent.image, or the operator's own image (it contains the agent). */}}
{{- define "unpackbench.agentImage" -}}
{{- .Values.agent.image | default (include "unpackbench.image" .) }}
{{- end }}

{{/* Leader election: on with more than one replica, or when asked for. */}}
{{- define "unpackbench.leaderElect" -}}
{{- if or (gt (int .Values.replicaCount) 1) .Values.leaderElection.enabled }}true{{ else }}false{{ end }}
{{- end }}
