from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from jobs.models import Job
from jobs.runner import REFRESH_SECONDS, refreshed, result_path


def owned_job(request, pk):
    """The job, if the user may see it (its owner, or a superuser); else 404."""
    return get_object_or_404(Job.objects.restrict(request.user), pk=pk)


@require_GET
@login_required
def job_detail(request, pk):
    job = refreshed(owned_job(request, pk))
    if job.finished_ok and job.next_url:
        return redirect(job.next_url)
    return render(request, "jobs/job_detail.html", {"job": job, "refresh_seconds": REFRESH_SECONDS})


@require_GET
@login_required
def job_download(request, pk):
    job = owned_job(request, pk)
    path = result_path(job)
    if not job.finished_ok or not job.result_name or not path.exists():
        raise Http404
    return FileResponse(path.open("rb"), as_attachment=True, filename=job.result_name)
