// "/" sends each user to the home of their role.
import { Navigate } from 'react-router';
import { homePathFor } from './permissions';
import { useCurrentUser } from './session';

export function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={homePathFor(user.roles)} replace />;
}
