from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from people.admin_forms import EmployeeCreationForm, EmployeeEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return EmployeeEditForm if for_update else EmployeeCreationForm
