from django.shortcuts import get_object_or_404, render

from reference_site.models import Entry


def page(request):
    """Exactly three queries: one entry, the latest ten, and the count."""
    featured = get_object_or_404(Entry, slug="entry-1")
    latest = list(Entry.objects.all()[:10])
    total = Entry.objects.count()
    return render(request, "reference/page.html", {"featured": featured, "latest": latest, "total": total})
